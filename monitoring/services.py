"""Writes about monitoring that are not the agents' ingest (``monitoring.ingest``): the
streams' position for an agent's hello, and custom metrics sent through the API."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.actor import Actor
from chatops.realtime import publish_after_commit
from monitoring.ingest.evaluators import run_evaluators
from monitoring.models import CustomMetric, IngestStream


def last_seq(server_id: int, stream: str) -> int:
    """The stream's highest stored frame, for the welcome; creates the stream's row (at hello,
    so the batches that follow find it)."""
    row, _ = IngestStream.objects.get_or_create(server_id=server_id, stream=stream)
    return row.last_seq


def record_custom_metrics(actor: Actor, points: list[dict[str, Any]]) -> int:
    """Store points sent through the API; returns how many."""
    now = timezone.now()
    rows = [
        CustomMetric(
            name=p["name"],
            value=p["value"],
            unit=p.get("unit", ""),
            ts=p.get("ts") or now,
            tags=p.get("tags") or {},
            server=p.get("server"),
            submitted_by=actor.user,
        )
        for p in points
    ]
    with transaction.atomic():
        CustomMetric.objects.bulk_create(rows, batch_size=1000)
        # Points about a server are samples of it for the thresholds (in time order).
        samples = sorted(
            ((row.server.pk, row.ts.timestamp(), {row.name: row.value}) for row in rows if row.server is not None),
            key=lambda sample: sample[1],
        )
        publish_after_commit(run_evaluators(samples))
    return len(rows)
