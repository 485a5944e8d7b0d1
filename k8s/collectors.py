"""Kubernetes clusters on ``GET /metrics``: the totals of each one's latest snapshot (one query)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from k8s.models import Cluster, Health


def collect_clusters() -> Iterator[Any]:
    now = timezone.now()
    figures = {
        "nodes": ("node_count", "Nodes"),
        "nodes_not_ready": ("nodes_not_ready", "Nodes not Ready"),
        "pods": ("pod_count", "Pods"),
        "pods_failing": ("pods_failing", "Pods failing"),
    }
    families = {
        key: GaugeMetricFamily(
            f"chatops_kubernetes_{key}", f"{text} in the cluster's latest snapshot.", labels=["cluster"]
        )
        for key, (_, text) in figures.items()
    }
    healthy = GaugeMetricFamily(
        "chatops_kubernetes_cluster_health",
        "1 for the cluster's health (healthy, degraded, unreachable), 0 for the others.",
        labels=["cluster", "health"],
    )
    for cluster in Cluster.objects.only("name", "last_snapshot_at", *(field for field, _ in figures.values())):
        for key, (field, _) in figures.items():
            families[key].add_metric([cluster.name], getattr(cluster, field))
        state = cluster.health(now)
        for health in Health.values:
            healthy.add_metric([cluster.name, health], 1.0 if health == state else 0.0)
    yield from families.values()
    yield healthy
