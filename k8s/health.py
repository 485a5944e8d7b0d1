"""Kubernetes clusters in ``GET /api/v1/health``. A registered (pull) cluster is asked its
version (``GET /version``, the cheapest authenticated call) under the outgoing-request guard,
all clusters at once in threads, each within ``PROBE_TIMEOUT``; a pushed cluster's agent reports
on its own, so it is judged by its last snapshot (``up`` unless unreachable)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from django.utils import timezone

from chatops import net
from chatops.registry import ServiceStatus
from k8s import services
from k8s.models import Cluster, Health, Mode

PROBE_TIMEOUT = 2.0


def _probe(cluster: Cluster) -> ServiceStatus:
    from kubernetes import client

    from chatops_agent import kube

    started = time.perf_counter()
    try:
        with net.guarded(allow_private=services.allow_private()) as guard:
            api = services.pull_client(cluster)
            try:
                client.VersionApi(api).get_code(_request_timeout=PROBE_TIMEOUT)
            finally:
                api.close()
    except Exception as exc:
        reason = "refused by the outgoing-request rule" if guard.refused else type(exc).__name__
        if isinstance(exc, kube.KubeError):
            reason = "no usable credentials"
        return ServiceStatus(cluster.name, Mode.PULL, "down", _ms(started), error=reason)
    return ServiceStatus(cluster.name, Mode.PULL, "up", _ms(started), last_seen=cluster.last_snapshot_at)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)


def check_clusters() -> list[ServiceStatus]:
    clusters = list(Cluster.objects.order_by("name"))
    pulled = [c for c in clusters if c.mode == Mode.PULL]
    probes = {}
    if pulled:
        with ThreadPoolExecutor(max_workers=min(8, len(pulled)), thread_name_prefix="k8s-health") as pool:
            probes = dict(zip([c.pk for c in pulled], pool.map(_probe, pulled), strict=True))
    now = timezone.now()
    statuses = []
    for cluster in clusters:
        if cluster.pk in probes:
            statuses.append(probes[cluster.pk])
            continue
        health = cluster.health(now)
        status = "unknown" if cluster.last_snapshot_at is None else "down" if health == Health.UNREACHABLE else "up"
        statuses.append(ServiceStatus(cluster.name, Mode.PUSH, status, last_seen=cluster.last_snapshot_at))
    return statuses
