"""Ingestion: data frames from agents into the database, idempotently, in batches.

``record_samples`` runs one transaction per batch. For each agent stream it locks the stream's
row, skips frames it has already stored (their seq is not above the stream's ``last_seq``),
writes the samples and log lines of the rest (binary COPY on PostgreSQL, ``bulk_create``
elsewhere), keeps the latest sample per server, marks the minutes to roll up, and advances the
streams. It returns the events to publish; the caller publishes them only after it returned,
that is after commit.

On PostgreSQL the per-batch statements are few and of a fixed shape whatever the batch size:
streams are locked and advanced through ``unnest`` arrays (one statement each), and a minute
already marked by this process is not marked again while the rollup job cannot take it yet
(``MarkedMinutes``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from psycopg.types.json import Jsonb

from agents.models import ContainerSnapshot
from alerts.services import evaluate as evaluate_alerts
from chatops_agent.wire import Data
from monitoring.events import (
    FLEET_METRICS_GROUP,
    Event,
    LogsLinesEvent,
    MetricsSampleEvent,
    publish_after_commit,
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
            ((server_id, ts, Jsonb(values, dumps=orjson.dumps)) for server_id, ts, values in rows),
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
    values = connection.ops.quote_name("values")
    upsert = (
        f"ON CONFLICT (server_id) DO UPDATE SET ts = excluded.ts, {values} = excluded.{values}, "
        # A sample without top processes keeps the last ones known.
        f"top = COALESCE(excluded.top, {table}.top) WHERE {table}.ts <= excluded.ts"
    )
    rows = sorted(latest.items())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One JSON document for the batch, unpacked by PostgreSQL: a parameter per value
            # (four per server, each quoted by the client) was 40 % of the ingest thread's time.
            document = orjson.dumps(
                [[server_id, _dt(ts).isoformat(), values_, top] for server_id, (ts, values_, top) in rows]
            ).decode()
            cursor.execute(
                f"INSERT INTO {table} (server_id, ts, {values}, top) "  # noqa: S608
                "SELECT (r->>0)::bigint, (r->>1)::timestamptz, r->2, NULLIF(r->3, 'null') "
                f"FROM jsonb_array_elements(%s::jsonb) AS r {upsert}",
                [document],
            )
            return
        cursor.execute(
            f"INSERT INTO {table} (server_id, ts, {values}, top) "  # noqa: S608
            f"VALUES {', '.join(['(%s, %s, %s, %s)'] * len(rows))} {upsert}",
            [
                p
                for sid, (ts, v, top) in rows
                for p in (sid, _dt(ts), orjson.dumps(v).decode(), None if top is None else orjson.dumps(top).decode())
            ],
        )


def _lock_streams(keys: set[tuple[int, str]]) -> dict[tuple[int, str], IngestStream]:
    """Lock the streams' rows (creating missing ones), in a stable order: two batches never
    wait on each other's rows in a cycle."""
    if connection.vendor == "postgresql":
        return _lock_streams_pg(keys)
    IngestStream.objects.bulk_create(
        [IngestStream(server_id=s, stream=st) for s, st in sorted(keys)], ignore_conflicts=True
    )
    condition = Q()
    for server_id, stream in keys:
        condition |= Q(server_id=server_id, stream=stream)
    rows = IngestStream.objects.select_for_update().filter(condition).order_by("server_id", "stream")
    return {(row.server_id, row.stream): row for row in rows}


def _lock_streams_pg(keys: set[tuple[int, str]]) -> dict[tuple[int, str], IngestStream]:
    table = connection.ops.quote_name(IngestStream._meta.db_table)
    fields = [f.attname for f in IngestStream._meta.concrete_fields]
    ordered = sorted(keys)
    arrays: list[Any] = [[k[0] for k in ordered], [k[1] for k in ordered]]
    select = (
        f"SELECT {', '.join('s.' + connection.ops.quote_name(f) for f in fields)} FROM {table} s "  # noqa: S608
        "JOIN unnest(%s::bigint[], %s::text[]) AS k(server_id, stream) "
        "ON s.server_id = k.server_id AND s.stream = k.stream ORDER BY s.server_id, s.stream FOR UPDATE OF s"
    )
    with connection.cursor() as cursor:
        cursor.execute(select, arrays)
        rows = cursor.fetchall()
        if len(rows) < len(ordered):
            # A stream not seen before (``last_seq`` creates it at hello; this is for the rest).
            cursor.execute(
                f"INSERT INTO {table} (server_id, stream, last_seq, rejected_frames, dropped_samples, "  # noqa: S608
                "dropped_logs, updated_at) SELECT k.server_id, k.stream, 0, 0, 0, 0, now() "
                "FROM unnest(%s::bigint[], %s::text[]) AS k(server_id, stream) ORDER BY 1, 2 "
                "ON CONFLICT (server_id, stream) DO NOTHING",
                arrays,
            )
            cursor.execute(select, arrays)
            rows = cursor.fetchall()
    streams = [IngestStream.from_db(connection.alias, fields, row) for row in rows]
    return {(row.server_id, row.stream): row for row in streams}


def _advance_streams(rows: list[IngestStream]) -> None:
    if not rows:
        return
    rows = sorted(rows, key=lambda r: r.pk)
    if connection.vendor != "postgresql":
        IngestStream.objects.bulk_update(rows, ["last_seq", "dropped_samples", "dropped_logs", "updated_at"])
        return
    table = connection.ops.quote_name(IngestStream._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS s SET last_seq = u.last_seq, dropped_samples = u.dropped_samples, "  # noqa: S608
            "dropped_logs = u.dropped_logs, updated_at = now() "
            "FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[], %s::bigint[]) "
            "AS u(id, last_seq, dropped_samples, dropped_logs) WHERE s.id = u.id",
            [
                [r.pk for r in rows],
                [r.last_seq for r in rows],
                [r.dropped_samples for r in rows],
                [r.dropped_logs for r in rows],
            ],
        )


def _mark_servers_seen(server_ids: list[int]) -> None:
    """Online, heard from now. (Also locks the servers' rows for the rest of the batch.)"""
    if connection.vendor != "postgresql":
        Server.objects.filter(pk__in=server_ids).update(last_seen=timezone.now(), status=ServerStatus.ONLINE)
        return
    table = connection.ops.quote_name(Server._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_seen = %s, status = %s WHERE id = ANY(%s::bigint[])",  # noqa: S608
            [timezone.now(), ServerStatus.ONLINE.value, server_ids],
        )


# The rollup job takes a marked minute only once it ended this long ago (monitoring.jobs), so
# it never competes with ingest for the minute being written, and a process may skip marking
# a minute it marked itself until MARK_REUSE_SECONDS after the minute's end: the difference
# covers the commit and clock skew between hub processes.
ROLLUP_SETTLE_SECONDS = 30
MARK_REUSE_SECONDS = 15


def _now() -> float:
    return time.time()


class MarkedMinutes:
    """The newest minute this process marked (committed) per server.

    Ingest marks each (server, minute) it writes samples for; with one frame a second per
    agent, that was the same row inserted again by every batch. A minute marked by this
    process, while the rollup job may not take it yet, needs no new mark: the job will read
    every sample committed before it. A late sample for an older minute is marked as before.
    """

    def __init__(self) -> None:
        self.newest: dict[int, datetime] = {}
        self.lock = threading.Lock()

    def needed(self, minutes: set[tuple[int, datetime]], now: float) -> list[tuple[int, datetime]]:
        with self.lock:
            newest = self.newest
            return sorted(
                (server_id, bucket)
                for server_id, bucket in minutes
                if newest.get(server_id) != bucket or now >= bucket.timestamp() + 60 + MARK_REUSE_SECONDS
            )

    def remember(self, minutes: Iterable[tuple[int, datetime]]) -> None:
        with self.lock:
            for server_id, bucket in minutes:
                known = self.newest.get(server_id)
                if known is None or bucket > known:
                    self.newest[server_id] = bucket

    def forget(self) -> None:
        with self.lock:
            self.newest.clear()


marked_minutes = MarkedMinutes()


def _mark_minutes(minutes: list[tuple[int, datetime]]) -> None:
    if not minutes:
        return
    if connection.vendor != "postgresql":
        RollupPending.objects.bulk_create(
            [RollupPending(server_id=s, bucket=b) for s, b in minutes], ignore_conflicts=True
        )
        return
    table = connection.ops.quote_name(RollupPending._meta.db_table)
    with connection.cursor() as cursor:
        # DO UPDATE, not DO NOTHING: it locks a mark that already exists, so a rollup job
        # running now skips it (SKIP LOCKED) instead of taking it without this batch's samples;
        # if the job took it first, this waits for the job's commit and inserts the mark again.
        cursor.execute(
            f"INSERT INTO {table} (server_id, bucket) SELECT * FROM unnest(%s::bigint[], %s::timestamptz[]) "  # noqa: S608
            "ON CONFLICT (server_id, bucket) DO UPDATE SET bucket = excluded.bucket",
            [[s for s, _ in minutes], [b for _, b in minutes]],
        )


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
        _advance_streams(list(touched))
        if latest:
            _mark_servers_seen(sorted(latest))
        # Thresholds see the samples in the same transaction: a pending duration or an alert
        # is committed together with the samples that caused it.
        # _mark_servers_seen has locked every server of the batch already.
        samples = [(s, ts.timestamp(), v) for s, ts, v in sample_rows]
        result.events += evaluate_alerts(samples, servers_locked=True)
        # Last, so the time it is decided at is as close to the commit as it can be.
        marks = marked_minutes.needed(minutes, _now())
        _mark_minutes(marks)
        if marks:
            transaction.on_commit(lambda: marked_minutes.remember(marks))
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
    """The stream's highest stored frame, for the welcome; creates the stream's row (at hello,
    so the batches that follow find it)."""
    row, _ = IngestStream.objects.get_or_create(server_id=server_id, stream=stream)
    return row.last_seq


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
    with transaction.atomic():
        CustomMetric.objects.bulk_create(rows, batch_size=1000)
        # Points about a server are samples of it for the thresholds (in time order).
        samples = sorted(
            ((row.server.pk, row.ts.timestamp(), {row.name: row.value}) for row in rows if row.server is not None),
            key=lambda sample: sample[1],
        )
        publish_after_commit(evaluate_alerts(samples))
    return len(rows)
