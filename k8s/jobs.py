"""Background jobs of k8s (run by the worker): poll registered clusters, raise the
unreachable alert, prune the history."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from chatops.registry import Job
from k8s import alerting, services


def poll() -> dict[str, int]:
    return services.poll_due()


def watch() -> dict[str, Any]:
    counts: dict[str, Any] = alerting.evaluate_unreachable()
    counts["pruned"] = services.prune_history()
    return counts


JOBS = [
    Job("k8s.poll", settings.K8S_POLL_TICK_SECONDS, poll),
    Job("k8s.watch", 30.0, watch),
]
