"""CI/CD on ``GET /metrics``: pipelines and deployments by status (one query each), and DORA's
four figures per environment over the last 30 days (``pipelines.dora``, the same judgement as
``GET /dora``). DORA takes several queries per environment, so each process keeps its figures
for a minute: they move with deployments, not by the second."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from pipelines import dora
from pipelines.models import Deployment, Pipeline

DORA_DAYS = 30
DORA_CACHE_SECONDS = 60.0
_dora_cache: tuple[float, dict[str, dict[str, Any]]] | None = None


def dora_by_environment() -> dict[str, dict[str, Any]]:
    global _dora_cache
    if _dora_cache is not None and time.monotonic() - _dora_cache[0] < DORA_CACHE_SECONDS:
        return _dora_cache[1]
    end = timezone.now()
    start = end - timedelta(days=DORA_DAYS)
    environments = (
        Deployment.objects.filter(finished_at__gte=start)
        .order_by("environment")
        .values_list("environment", flat=True)
        .distinct()
    )
    figures = {}
    for environment in environments:
        query = dora.Query(start=start, end=end, environment=environment)
        figures[environment] = dora.figures(dora.judge(query, start, end), DORA_DAYS)
    _dora_cache = (time.monotonic(), figures)
    return figures


def collect_pipelines() -> Iterator[Any]:
    pipelines = GaugeMetricFamily("chatops_pipelines", "Stored pipeline runs by status.", labels=["status"])
    for status, count in Pipeline.objects.values_list("status").annotate(n=Count("id")).order_by("status"):
        pipelines.add_metric([status], count)
    yield pipelines
    deployments = GaugeMetricFamily(
        "chatops_deployments", "Stored deployments by environment and status.", labels=["environment", "status"]
    )
    rows = Deployment.objects.values_list("environment", "status").annotate(n=Count("id"))
    for environment, status, count in rows.order_by("environment", "status"):
        deployments.add_metric([environment, status], count)
    yield deployments
    described = {
        "deployment_frequency": ("chatops_dora_deployment_frequency_per_day", "Successful deployments per day"),
        "lead_time": ("chatops_dora_lead_time_seconds", "Median lead time for changes, in seconds"),
        "change_failure_rate": ("chatops_dora_change_failure_ratio", "Change failure rate (0 to 1)"),
        "time_to_restore": ("chatops_dora_time_to_restore_seconds", "Median time to restore, in seconds"),
    }
    families = {
        key: GaugeMetricFamily(name, f"DORA: {text}, last {DORA_DAYS} days.", labels=["environment"])
        for key, (name, text) in described.items()
    }
    for environment, figures in dora_by_environment().items():
        for key, family in families.items():
            if figures[key] is not None:
                family.add_metric([environment], float(figures[key]))
    yield from families.values()
