"""The alerts app's services: ``evaluation`` (thresholds against the samples of a batch, the
silent server, repeats; its pure half in ``plan``) and ``lifecycle`` (firing, acknowledging,
resolving, notifying, and the thresholds' own changes, each by an ``Actor``)."""

from __future__ import annotations

from alerts.services.evaluation import evaluate, evaluate_offline, send_repeats
from alerts.services.lifecycle import (
    AlertEvent,
    AlertEventType,
    AlertStateConflict,
    acknowledge,
    alert_data,
    create_threshold,
    delete_threshold,
    resolve,
    update_threshold,
)

__all__ = [
    "AlertEvent",
    "AlertEventType",
    "AlertStateConflict",
    "acknowledge",
    "alert_data",
    "create_threshold",
    "delete_threshold",
    "evaluate",
    "evaluate_offline",
    "resolve",
    "send_repeats",
    "update_threshold",
]
