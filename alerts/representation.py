"""The alert as the hub shows it everywhere: the API's responses, the live events, the
webhooks' payloads and the alert email all carry this one shape. It lives outside ``api/`` so
that the services which notify (``alerts.services.lifecycle``) import nothing of the API layer."""

from __future__ import annotations

from typing import Any, cast

from rest_framework import serializers

from alerts.models import Alert
from chatops.api.fields import StrictModelSerializer
from monitoring.catalog import label_and_unit

__all__ = ["AlertSerializer", "alert_data", "metric_label_and_unit"]


def metric_label_and_unit(serializer: serializers.Serializer[Any], metric: str) -> tuple[str, str]:
    """The metric's label and unit, looked up once per response (a list names few metrics)."""
    if not metric:
        return "", ""
    context = cast(dict[str, Any], serializer.context)  # the root's dict, shared by a list's items
    known: dict[str, tuple[str, str]] = context.setdefault("metric_labels", {})
    if metric not in known:
        known[metric] = label_and_unit(metric)
    return known[metric]


class AlertSerializer(StrictModelSerializer):
    server_name = serializers.CharField(source="server.name", read_only=True)
    acknowledged_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    resolved_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    metric_label = serializers.SerializerMethodField(help_text="The metric for people ('' for a silent server).")
    metric_unit = serializers.SerializerMethodField(help_text="The unit of value, peak_value and threshold_value.")
    silenced = serializers.SerializerMethodField(
        help_text="A silence holds it: it is not sent to people (routes, alert emails) while it does."
    )
    silence: serializers.PrimaryKeyRelatedField[Any] = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The silence that holds it (GET /silences/{id}), or null."
    )

    class Meta:
        model = Alert
        fields = [
            "id",
            "kind",
            "threshold",
            "name",
            "server",
            "server_name",
            "metric",
            "metric_label",
            "metric_unit",
            "operator",
            "threshold_value",
            "severity",
            "status",
            "value",
            "peak_value",
            "message",
            "started_at",
            "fired_at",
            "acknowledged_at",
            "acknowledged_by",
            "ack_comment",
            "resolved_at",
            "resolved_by",
            "resolve_comment",
            "last_notified_at",
            "notifications_sent",
            "silenced",
            "silence",
        ]
        read_only_fields = fields

    def get_metric_label(self, obj: Alert) -> str:
        return metric_label_and_unit(self, obj.metric)[0]

    def get_metric_unit(self, obj: Alert) -> str:
        return metric_label_and_unit(self, obj.metric)[1]

    def get_silenced(self, obj: Alert) -> bool:
        return obj.silence_id is not None


def alert_data(alert: Alert, context: dict[str, Any] | None = None) -> dict[str, Any]:
    """The alert as the API shows it (plain JSON types), for events, webhooks and email.
    ``context``: a serializer context shared by many alerts (metric labels looked up once)."""
    return dict(AlertSerializer(alert, context=context if context is not None else {}).data)
