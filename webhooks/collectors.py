"""Outgoing webhooks on ``GET /metrics``: the queue (pending deliveries due now) and the outcomes
of the deliveries and attempts still stored (durable counts from the database, so they are the
same whichever process scrapes; they fall when old deliveries are pruned)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from webhooks.models import Delivery, DeliveryAttempt


def collect_webhooks() -> Iterator[Any]:
    yield GaugeMetricFamily(
        "chatops_webhook_deliveries_due",
        "Webhook deliveries waiting for the worker now (pending, attempt due).",
        value=Delivery.objects.due(timezone.now()).count(),
    )
    deliveries = GaugeMetricFamily(
        "chatops_webhook_deliveries", "Stored webhook deliveries by status.", labels=["status"]
    )
    for status, count in Delivery.objects.values_list("status").annotate(n=Count("id")).order_by("status"):
        deliveries.add_metric([status], count)
    yield deliveries
    attempts = GaugeMetricFamily(
        "chatops_webhook_attempts", "Stored webhook delivery attempts by outcome.", labels=["outcome"]
    )
    for outcome, count in DeliveryAttempt.objects.values_list("outcome").annotate(n=Count("id")).order_by("outcome"):
        attempts.add_metric([outcome], count)
    yield attempts
