from __future__ import annotations

from typing import Any

from rest_framework import serializers

from alerts.models import Scope, Threshold, metric_problem, threshold_problems
from alerts.representation import metric_label_and_unit
from chatops.api.fields import (
    StrictCharField,
    StrictFloatField,
    StrictModelSerializer,
    StrictPrimaryKeyRelatedField,
    pattern_validator,
)
from chatops_agent.wire import METRIC_NAME_RE
from servers.fields import TagField
from servers.models import Server


class ThresholdSerializer(StrictModelSerializer):
    metric_label = serializers.SerializerMethodField(help_text="The metric for people, e.g. 'Disk used (/home)'.")
    metric_unit = serializers.SerializerMethodField(help_text="'%', 'bytes', 'bytes/s', 's', a custom unit, or ''.")
    server = StrictPrimaryKeyRelatedField(
        queryset=Server.objects.all(),
        required=False,
        allow_null=True,
        help_text="The server watched, with scope `server`.",
    )
    tag = TagField(
        required=False,
        allow_null=True,
        help_text="With scope `tag`: every server with this tag, including those tagged later.",
    )
    clear_value = StrictFloatField(
        required=False,
        allow_null=True,
        help_text="Hysteresis: a firing alert resolves only once the value is back past this "
        "(below it for > and >=, above it for < and <=). Null: past `value`.",
    )

    class Meta:
        model = Threshold
        fields = [
            "id",
            "name",
            "metric",
            "metric_expected",
            "metric_label",
            "metric_unit",
            "operator",
            "value",
            "duration_seconds",
            "clear_value",
            "severity",
            "scope",
            "server",
            "tag",
            "enabled",
            "repeat_interval_seconds",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]
        extra_kwargs = {
            "metric": {
                "help_text": "A metric the agent reports (cpu_percent, disk_percent:/home, …) or a custom metric: "
                "one GET /metrics/catalog lists, unless metric_expected is set.",
                "validators": [
                    pattern_validator(METRIC_NAME_RE, "Not a metric name (snake_case, optionally `:` and a label).")
                ],
            },
            "metric_expected": {
                "help_text": "Take a metric nothing reports yet (a script or a device to come). Without it, "
                "a name no server or script reports is refused: it would never fire."
            },
            "duration_seconds": {"help_text": "How long the condition must hold before the alert fires (0: at once)."},
            "repeat_interval_seconds": {
                "help_text": "Notify again this often while firing and unacknowledged (0: once)."
            },
        }

    def to_representation(self, instance: Threshold) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["tag"] = instance.tag.name if instance.tag is not None else None
        return data

    def get_metric_label(self, obj: Threshold) -> str:
        return metric_label_and_unit(self, obj.metric)[0]

    def get_metric_unit(self, obj: Threshold) -> str:
        return metric_label_and_unit(self, obj.metric)[1]

    def validate_name(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError("Must not be blank.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str, default: Any = None) -> Any:
            if name in attrs:
                return attrs[name]
            return getattr(self.instance, name, default) if self.instance is not None else default

        problem = metric_problem(
            current("metric"), expected=bool(current("metric_expected", False)), before=self.instance
        )
        if problem:
            raise serializers.ValidationError({"metric": [problem]})
        scope = current("scope", Scope.ALL)
        stored_tag = self.instance.tag.name if self.instance is not None and self.instance.tag else None
        # Moving the scope drops the other target; giving one for another scope is an error.
        server = attrs.get("server") if "server" in attrs else (current("server") if scope == Scope.SERVER else None)
        tag = attrs.get("tag") if "tag" in attrs else (stored_tag if scope == Scope.TAG else None)
        problems = threshold_problems(
            operator=current("operator"),
            value=current("value"),
            clear_value=current("clear_value"),
            scope=scope,
            has_server=server is not None,
            has_tag=bool(tag),
        )
        if problems:
            raise serializers.ValidationError({field: [text] for field, text in problems.items()})
        attrs["server"] = server
        attrs["tag"] = tag or None  # by name: the service makes a new tag in its transaction
        return attrs


class AlertActionSerializer(serializers.Serializer[Any]):
    comment = StrictCharField(max_length=1000, required=False, allow_blank=True, default="")
