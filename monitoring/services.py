"""Ingestion: data frames from agents into the database, idempotently, in batches.

``record_samples`` runs one transaction per batch. For each agent stream it locks the stream's
row, skips frames it has already stored (their seq is not above the stream's ``last_seq``),
writes the samples and log lines of the rest (binary COPY on PostgreSQL, ``bulk_create``
elsewhere), keeps the latest sample per server, marks the minutes to roll up, and advances the
streams. It returns the events to publish; the caller publishes them only after it returned,
that is after commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from psycopg.types.json import Jsonb

from agents.models import ContainerSnapshot
from agents.protocol import Data
from monitoring.events import (
    FLEET_METRICS_GROUP,
    Event,
    LogsLinesEvent,
    MetricsSampleEvent,
    server_logs_group,
    server_metrics_group,
)
from monitoring.models import CustomMetric, IngestStream, LatestSample, LogLine, MetricSample, RollupPending
from servers.choices import ServerStatus
from servers.models import Server

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FrameIn:
    """A validated data frame of one agent stream."""

    server_id: int
    stream: str
    data: Data


@dataclass
class BatchResult:
    stored: int = 0
    duplicates: int = 0
    samples: int = 0
    log_lines: int = 0
    events: list[tuple[str, Event]] = field(default_factory=list)


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _copy(table: str, columns: Sequence[str], types: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Binary COPY into ``table``: 25-34x faster than bulk_create for samples here."""
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    statement = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN (FORMAT BINARY)"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        copy.set_types(list(types))
        for row in rows:
            copy.write_row(row)


def _write_samples(rows: list[tuple[int, datetime, dict[str, float]]]) -> None:
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy(
            MetricSample._meta.db_table,
            ["server_id", "ts", "values"],
            ["int8", "timestamptz", "jsonb"],
            ((server_id, ts, Jsonb(values)) for server_id, ts, values in rows),
        )
    else:
        MetricSample.objects.bulk_create(
            [MetricSample(server_id=s, ts=ts, values=v) for s, ts, v in rows], batch_size=500
        )


def _write_logs(rows: list[tuple[int, datetime, str, str, str]]) -> None:
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy(
            LogLine._meta.db_table,
            ["server_id", "ts", "level", "source", "message"],
            ["int8", "timestamptz", "text", "text", "text"],
            rows,
        )
    else:
        LogLine.objects.bulk_create(
            [LogLine(server_id=s, ts=ts, level=lv, source=src, message=msg) for s, ts, lv, src, msg in rows],
            batch_size=500,
        )


def _keep_latest(latest: dict[int, tuple[float, dict[str, float], Any]]) -> None:
    """Upsert each server's newest sample, unless the stored one is newer (a replay of old
    frames must not turn the clock back)."""
    if not latest:
        return
    table = connection.ops.quote_name(LatestSample._meta.db_table)
    placeholders = ", ".join(["(%s, %s, %s, %s)"] * len(latest))
    params: list[Any] = []
    for server_id, (ts, values, top) in sorted(latest.items()):
        params += [server_id, _dt(ts), _json(values), _json(top)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (server_id, ts, {connection.ops.quote_name('values')}, top) "  # noqa: S608
            f"VALUES {placeholders} ON CONFLICT (server_id) DO UPDATE SET ts = excluded.ts, "
            f"{connection.ops.quote_name('values')} = excluded.{connection.ops.quote_name('values')}, "
            # A sample without top processes keeps the last ones known.
            f"top = COALESCE(excluded.top, {table}.top) WHERE {table}.ts <= excluded.ts",
            params,
        )


def _json(value: Any) -> Any:
    if value is None:
        return None
    if connection.vendor == "postgresql":
        return Jsonb(value)
    import json

    return json.dumps(value)


def _lock_streams(keys: set[tuple[int, str]]) -> dict[tuple[int, str], IngestStream]:
    IngestStream.objects.bulk_create(
        [IngestStream(server_id=s, stream=st) for s, st in sorted(keys)], ignore_conflicts=True
    )
    condition = Q()
    for server_id, stream in keys:
        condition |= Q(server_id=server_id, stream=stream)
    # A stable lock order: two batches never wait on each other's rows in a cycle.
    rows = IngestStream.objects.select_for_update().filter(condition).order_by("server_id", "stream")
    return {(row.server_id, row.stream): row for row in rows}


def record_samples(frames: Sequence[FrameIn]) -> BatchResult:
    """Store a batch of data frames, each exactly once. See the module docstring."""
    result = BatchResult()
    if not frames:
        return result
    with transaction.atomic():
        streams = _lock_streams({(f.server_id, f.stream) for f in frames})
        sample_rows: list[tuple[int, datetime, dict[str, float]]] = []
        log_rows: list[tuple[int, datetime, str, str, str]] = []
        latest: dict[int, tuple[float, dict[str, float], Any]] = {}
        minutes: set[tuple[int, datetime]] = set()
        containers: dict[int, dict[str, Any]] = {}
        touched: set[IngestStream] = set()
        for frame in frames:
            row = streams[(frame.server_id, frame.stream)]
            data = frame.data
            if data["seq"] <= row.last_seq:
                result.duplicates += 1
                continue
            row.last_seq = data["seq"]
            row.dropped_samples += data["dropped"]["samples"]
            row.dropped_logs += data["dropped"]["logs"]
            touched.add(row)
            result.stored += 1
            for sample in data["samples"]:
                ts = _dt(sample["ts"])
                sample_rows.append((frame.server_id, ts, sample["values"]))
                minutes.add((frame.server_id, ts.replace(second=0, microsecond=0)))
                previous = latest.get(frame.server_id)
                if previous is None or previous[0] <= sample["ts"]:
                    top = sample.get("top") or (previous[2] if previous else None)
                    latest[frame.server_id] = (sample["ts"], sample["values"], top)
                result.events.append(
                    (
                        server_metrics_group(frame.server_id),
                        MetricsSampleEvent(
                            type="metrics.sample", server_id=frame.server_id, ts=sample["ts"], values=sample["values"]
                        ),
                    )
                )
            for line in data["logs"]:
                log_rows.append((frame.server_id, _dt(line["ts"]), line["level"], line["source"], line["message"]))
            reported = data.get("containers")
            if reported and (frame.server_id not in containers or containers[frame.server_id]["ts"] <= reported["ts"]):
                containers[frame.server_id] = reported
            if data["logs"]:
                result.events.append(
                    (
                        server_logs_group(frame.server_id),
                        LogsLinesEvent(type="logs.lines", server_id=frame.server_id, lines=list(data["logs"])),
                    )
                )
            if data["dropped"]["samples"] or data["dropped"]["logs"]:
                logger.warning("Agent of server %s dropped data: %s", frame.server_id, data["dropped"])
        _write_samples(sample_rows)
        _write_logs(log_rows)
        _keep_latest(latest)
        if containers:
            ContainerSnapshot.objects.bulk_create(
                [
                    ContainerSnapshot(server_id=s, reported_at=_dt(c["ts"]), items=c["items"])
                    for s, c in containers.items()
                ],
                update_conflicts=True,
                unique_fields=["server"],
                update_fields=["reported_at", "items"],
            )
        if minutes:
            RollupPending.objects.bulk_create(
                [RollupPending(server_id=s, bucket=b) for s, b in sorted(minutes)], ignore_conflicts=True
            )
        if touched:
            IngestStream.objects.bulk_update(
                sorted(touched, key=lambda r: r.pk), ["last_seq", "dropped_samples", "dropped_logs", "updated_at"]
            )
        if latest:
            Server.objects.filter(pk__in=sorted(latest)).update(last_seen=timezone.now(), status=ServerStatus.ONLINE)
    result.samples = len(sample_rows)
    result.log_lines = len(log_rows)
    # The fleet view gets one event per server per batch: its newest sample.
    for server_id, (newest, values, _top) in sorted(latest.items()):
        result.events.append(
            (
                FLEET_METRICS_GROUP,
                MetricsSampleEvent(type="metrics.sample", server_id=server_id, ts=newest, values=values),
            )
        )
    return result


def record_rejected_frame(server_id: int, stream: str, seq: int) -> None:
    """An invalid frame is acknowledged so it cannot block the agent's buffer; count it, and
    move the stream past it so a replay of it is a duplicate."""
    with transaction.atomic():
        row = _lock_streams({(server_id, stream)})[(server_id, stream)]
        if seq > row.last_seq:
            row.last_seq = seq
        row.rejected_frames += 1
        row.save(update_fields=["last_seq", "rejected_frames", "updated_at"])


def last_seq(server_id: int, stream: str) -> int:
    row = IngestStream.objects.filter(server_id=server_id, stream=stream).only("last_seq").first()
    return row.last_seq if row else 0


def record_custom_metrics(user: Any, points: list[dict[str, Any]]) -> int:
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
            submitted_by=user,
        )
        for p in points
    ]
    CustomMetric.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
