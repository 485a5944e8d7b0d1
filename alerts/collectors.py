"""Open alerts on ``GET /metrics``, by severity and server (one query)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily

from alerts.models import Alert, AlertStatus


def collect_alerts() -> Iterator[Any]:
    family = GaugeMetricFamily(
        "chatops_alerts_open",
        "Open alerts (firing or acknowledged), by status, severity and server.",
        labels=["status", "severity", "server", "server_id"],
    )
    rows = (
        Alert.objects.filter(status__in=(AlertStatus.FIRING, AlertStatus.ACKNOWLEDGED))
        .values_list("status", "severity", "server__name", "server_id")
        .annotate(count=Count("id"))
        .order_by("status", "severity", "server_id")
    )
    for status, severity, server, server_id, count in rows:
        family.add_metric([status, severity, server, str(server_id)], count)
    yield family
