"""Notifications on ``GET /metrics``: the queue (deliveries due now) and the outcomes of the
deliveries stored, by channel kind (durable counts from the database)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from notifications.models import Delivery


def collect_notifications() -> Iterator[Any]:
    yield GaugeMetricFamily(
        "chatops_notification_deliveries_due",
        "Notification deliveries waiting for the worker now (pending or held, attempt due).",
        value=Delivery.objects.due(timezone.now()).count(),
    )
    family = GaugeMetricFamily(
        "chatops_notification_deliveries",
        "Stored notification deliveries by kind and status.",
        labels=["kind", "status"],
    )
    rows = Delivery.objects.values_list("kind", "status").annotate(n=Count("id")).order_by("kind", "status")
    for kind, status, count in rows:
        family.add_metric([kind, status], count)
    yield family
