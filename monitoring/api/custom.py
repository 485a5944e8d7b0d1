"""The metric catalogue and a custom metric's history: what the request takes and the answer's
shape (the schema states every rule a request must follow but the range's)."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from chatops.api.fields import StrictCharField, pattern_validator
from chatops_agent.wire import METRIC_NAME_RE
from monitoring.api.filters import TAGS_FILTER_PATTERN, parse_tags
from monitoring.api.serializers import HistoryPointSerializer, HistoryQuerySerializer

TAGS_MESSAGE = "Use key:value pairs separated by commas; keys as in tags."


class CatalogEntrySerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="What a threshold's `metric` names.")
    # Named like Field.label: DRF takes declared fields off the class (see HistorySerializer).
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="For people: 'Disk used (/home)'; a custom metric's own name."
    )
    unit = serializers.CharField(help_text="'%', 'bytes', 'bytes/s', 's', '°C', a custom unit, or '' (a plain number).")
    kind = serializers.ChoiceField(choices=["server", "custom"])
    servers = serializers.IntegerField(
        help_text="Server metrics: how many servers report it now. Custom: servers its points name "
        "(0: no threshold can fire on it, thresholds watch servers)."
    )
    tag_sets = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="Custom metrics: the distinct tag sets of its points (at most 50). Server metrics: [].",
    )


class CustomHistoryQuerySerializer(HistoryQuerySerializer):
    # The server history's range rules and points, with a custom metric's name and tags.
    metric = None  # type: ignore[assignment]
    name = StrictCharField(
        max_length=100,
        validators=[pattern_validator(METRIC_NAME_RE, "Not a metric name.")],
        help_text="The custom metric's name, as sent to POST /metrics.",
    )
    tags = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=500,
        validators=[RegexValidator(TAGS_FILTER_PATTERN.replace("$", r"\Z"), TAGS_MESSAGE)],
        help_text="key:value[,key:value…]: only points whose tags include these (default: every point of the name).",
    )

    def validate_tags(self, value: str) -> list[tuple[str, str]]:
        try:
            return parse_tags(value)
        except ValidationError:
            raise serializers.ValidationError(TAGS_MESSAGE) from None


class CustomHistorySerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    tags = serializers.DictField(child=serializers.CharField(), help_text="The tags asked for.")
    unit = serializers.CharField(help_text="The unit of the metric's newest point.")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=["raw"], help_text="Always the points themselves (custom metrics have no rollups)."
    )
    bucket_seconds = serializers.IntegerField()
    points = HistoryPointSerializer(many=True, required=False)
