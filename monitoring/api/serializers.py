from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.core.validators import MaxLengthValidator
from django.utils import timezone
from rest_framework import serializers

from chatops.api.fields import (
    InstantField,
    StrictCharField,
    StrictModelSerializer,
    StrictPrimaryKeyRelatedField,
    pattern_validator,
)
from chatops_agent.wire import METRIC_NAME_RE
from monitoring.models import CustomMetric, LogLine
from servers.models import Server

MAX_POINTS = 2000
MAX_CUSTOM_BATCH = 1000
MAX_TAGS = 20
TAG_KEY_RE = re.compile(r"^[a-z][a-z0-9_.-]{0,63}\Z")


class LatestSampleSerializer(serializers.Serializer[Any]):
    server_id = serializers.IntegerField()
    ts = serializers.DateTimeField(allow_null=True, help_text="null until the agent sent a sample.")
    age_seconds = serializers.FloatField(allow_null=True, help_text="How old the sample is.")
    values = serializers.DictField(child=serializers.FloatField())
    top = serializers.JSONField(allow_null=True, help_text="Top processes by CPU and by memory.")


class HistoryQuerySerializer(serializers.Serializer[Any]):
    metric = StrictCharField(
        max_length=100,
        validators=[pattern_validator(METRIC_NAME_RE, "Not a metric name.")],
        help_text="A metric name, e.g. cpu_percent or disk_percent:/home.",
    )
    start = InstantField(required=False, help_text="A date-time or unix seconds. Default: an hour before end.")
    end = InstantField(required=False, help_text="A date-time or unix seconds. Default: now.")
    points = serializers.IntegerField(min_value=1, max_value=MAX_POINTS, default=300)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        end = attrs.get("end") or timezone.now()
        start = attrs.get("start") or end - timedelta(hours=1)
        if start >= end:
            raise serializers.ValidationError({"start": ["Must be before end."]})
        if end - start > timedelta(days=800):
            raise serializers.ValidationError({"start": ["The range may span at most 800 days."]})
        attrs["start"], attrs["end"] = start, end
        return attrs


class HistoryPointSerializer(serializers.Serializer[Any]):
    ts = serializers.DateTimeField(help_text="Start of the bucket.")
    avg = serializers.FloatField()
    min = serializers.FloatField()
    max = serializers.FloatField()
    count = serializers.IntegerField(help_text="Samples in the bucket.")


class HistorySerializer(serializers.Serializer[Any]):
    server_id = serializers.IntegerField()
    metric = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    # A field named like Field.source: DRF takes declared fields off the class, so at run time
    # there is no clash; the stubs do not know that.
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=["raw", "1m", "1h"], help_text="Raw samples or a rollup."
    )
    bucket_seconds = serializers.IntegerField()
    points = HistoryPointSerializer(many=True, required=False)


class RecentQuerySerializer(serializers.Serializer[Any]):
    metric = StrictCharField(
        max_length=100, default="cpu_percent", validators=[pattern_validator(METRIC_NAME_RE, "Not a metric name.")]
    )
    minutes = serializers.IntegerField(min_value=1, max_value=60, default=15)


class RecentPointSerializer(serializers.Serializer[Any]):
    ts = serializers.DateTimeField(help_text="Start of the minute.")
    avg = serializers.FloatField()


class RecentSerializer(serializers.Serializer[Any]):
    server_id = serializers.IntegerField()
    points = RecentPointSerializer(many=True)


class LogLineSerializer(serializers.ModelSerializer[LogLine]):
    class Meta:
        model = LogLine
        fields = ["id", "ts", "level", "source", "message"]
        read_only_fields = fields


class CustomMetricSerializer(StrictModelSerializer):
    timestamp = serializers.DateTimeField(source="ts", required=False, help_text="Default: now.")
    tags = serializers.DictField(
        child=StrictCharField(max_length=200),
        required=False,
        # A length validator on a dict reads as maxProperties in the schema.
        validators=[MaxLengthValidator(MAX_TAGS, f"At most {MAX_TAGS} tags.")],
        help_text=f"Up to {MAX_TAGS} string labels.",
    )
    server = StrictPrimaryKeyRelatedField(queryset=Server.objects.all(), required=False, allow_null=True)

    class Meta:
        model = CustomMetric
        fields = ["id", "name", "value", "unit", "timestamp", "tags", "server"]
        read_only_fields = ["id"]
        extra_kwargs = {
            "name": {
                "validators": [
                    pattern_validator(METRIC_NAME_RE, "snake_case, e.g. deploy_duration_seconds (':' adds a device).")
                ]
            }
        }

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            # A server outside the caller's scope is as unknown as one that does not exist.
            server: Any = fields["server"]
            server.queryset = Server.objects.visible_to(request.user)
        return fields

    def validate_tags(self, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if not TAG_KEY_RE.match(key):
                raise serializers.ValidationError(f"Tag name {key[:40]!r}: lowercase letters, digits, _ . -")
        return value


class CustomMetricBatchSerializer(serializers.Serializer[Any]):
    # ListSerializer takes max_length (DRF 3.14+); the stubs do not list it yet.
    metrics = CustomMetricSerializer(many=True, allow_empty=False, max_length=MAX_CUSTOM_BATCH)  # type: ignore[call-arg]


class AcceptedSerializer(serializers.Serializer[Any]):
    accepted_count = serializers.IntegerField()
