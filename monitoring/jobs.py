"""Background jobs of monitoring: rollups, retention, offline detection. Run by the worker
(``manage.py worker``, or its loop inside the hub); safe with several workers at once."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min, QuerySet, Sum
from django.utils import timezone

from chatops.registry import Job
from monitoring.ingest import ROLLUP_SETTLE_SECONDS
from monitoring.models import CustomMetric, LogLine, MetricRollup, MetricSample, RollupPending

logger = logging.getLogger(__name__)


def _minute_aggregates(server_id: int, bucket: datetime) -> list[tuple[str, float, float, float, int]]:
    table = connection.ops.quote_name(MetricSample._meta.db_table)
    values = connection.ops.quote_name("values")
    if connection.vendor == "postgresql":
        sql = (
            "SELECT kv.key, min(kv.value::float8), max(kv.value::float8), sum(kv.value::float8), count(*) "  # noqa: S608
            f"FROM {table} s, jsonb_each_text(s.{values}) kv "
            "WHERE s.server_id = %s AND s.ts >= %s AND s.ts < %s GROUP BY kv.key"
        )
    else:
        sql = (
            "SELECT kv.key, min(kv.value), max(kv.value), sum(kv.value), count(*) "  # noqa: S608
            f"FROM {table} s, json_each(s.{values}) kv "
            "WHERE s.server_id = %s AND s.ts >= %s AND s.ts < %s GROUP BY kv.key"
        )
    with connection.cursor() as cursor:
        adapt = connection.ops.adapt_datetimefield_value
        cursor.execute(sql, [server_id, adapt(bucket), adapt(bucket + timedelta(minutes=1))])
        return [(str(k), float(lo), float(hi), float(total), int(n)) for k, lo, hi, total, n in cursor.fetchall()]


def _rollup_claimed_pg(claimed: list[tuple[int, datetime]]) -> None:
    """The claimed minutes' rollups, then their hours', each in one statement: PostgreSQL does
    the work. (Done row by row in Python, the job held the hub's GIL for seconds a minute
    under 1,000 agents, and the event loop stalled with it: agent → browser p99 went from
    about 50 ms without the job to seconds with it.)

    The hours are recomputed per (server, metric, hour) the minutes touched, so the lookup
    uses the whole rollup index (server, metric, resolution, bucket); per (server, hour) alone
    it walked all of a server's rollups, 320 ms each on a week of 20 servers. The planner's
    estimate of a minute's samples is far too high (67,200 rows for 60), so it is not asked to
    choose: JIT is off (compiling cost ~0.8 s for work of a few milliseconds) and the samples
    are read minute by minute through the (server, ts) index."""
    rollups = connection.ops.quote_name(MetricRollup._meta.db_table)
    samples = connection.ops.quote_name(MetricSample._meta.db_table)
    values = connection.ops.quote_name("values")
    upsert = (
        "ON CONFLICT (server_id, metric, resolution, bucket) DO UPDATE SET min = excluded.min, "
        "max = excluded.max, sum = excluded.sum, count = excluded.count"
    )
    claimed = sorted(claimed)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(
            f"INSERT INTO {rollups} (server_id, metric, resolution, bucket, min, max, sum, count) "  # noqa: S608
            "SELECT c.server_id, kv.key, 60, c.bucket, min(kv.value::float8), max(kv.value::float8), "
            "sum(kv.value::float8), count(*) "
            "FROM unnest(%s::bigint[], %s::timestamptz[]) AS c(server_id, bucket) "
            # Per claimed minute, its samples by index: OFFSET 0 keeps the planner from
            # flattening this into a join, which it hashed over the whole table (8 s).
            f"CROSS JOIN LATERAL (SELECT s.{values} FROM {samples} s WHERE s.server_id = c.server_id "
            "AND s.ts >= c.bucket AND s.ts < c.bucket + interval '1 minute' OFFSET 0) AS s "
            f"CROSS JOIN jsonb_each_text(s.{values}) AS kv "
            f"GROUP BY c.server_id, kv.key, c.bucket ORDER BY 1, 2, 4 {upsert} "
            "RETURNING server_id, metric, date_trunc('hour', bucket)",
            [[server_id for server_id, _ in claimed], [bucket for _, bucket in claimed]],
        )
        hours = sorted(set(cursor.fetchall()))
        if not hours:
            return
        cursor.execute(
            f"INSERT INTO {rollups} (server_id, metric, resolution, bucket, min, max, sum, count) "  # noqa: S608
            "SELECT h.server_id, h.metric, 3600, h.hour, min(r.min), max(r.max), sum(r.sum), sum(r.count) "
            "FROM unnest(%s::bigint[], %s::text[], %s::timestamptz[]) AS h(server_id, metric, hour) "
            f"JOIN {rollups} r ON r.server_id = h.server_id AND r.metric = h.metric AND r.resolution = 60 "
            "AND r.bucket >= h.hour AND r.bucket < h.hour + interval '1 hour' "
            f"GROUP BY h.server_id, h.metric, h.hour ORDER BY 1, 2, 4 {upsert}",
            [[h[0] for h in hours], [h[1] for h in hours], [h[2] for h in hours]],
        )


def _upsert(rows: Iterable[MetricRollup]) -> None:
    MetricRollup.objects.bulk_create(
        list(rows),
        update_conflicts=True,
        unique_fields=["server", "metric", "resolution", "bucket"],
        update_fields=["min", "max", "sum", "count"],
        batch_size=1000,
    )


def rollup_pending(limit: int = 500, chunk: int = 50, now: datetime | None = None) -> int:
    """Recompute the 1-minute rollups of the minutes marked at ingest, then the hours they are
    in; returns how many (server, minute) marks were done.

    Only minutes that ended ``ROLLUP_SETTLE_SECONDS`` ago are taken: the minute being written
    stays with ingest (taking it held its mark locked for the whole job, and every batch
    waited to mark it again). Marks are claimed ``chunk`` at a time, each chunk in its own
    short transaction that deletes them, so no two workers do the same minute, a failure
    loses nothing, and a minute marked again meanwhile (a late sample) is done again later.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=60 + ROLLUP_SETTLE_SECONDS)
    done = 0
    while done < limit:
        size = min(chunk, limit - done)
        claimed = _rollup_chunk(cutoff, size)
        done += claimed
        if claimed < size:
            break
    return done


# The job's pace: it runs every ROLLUP_PERIOD_SECONDS and spreads the minutes that became due
# over the first ROLLUP_SPREAD_SECONDS of the minute, at most ROLLUP_MAX_PER_RUN marks a run
# (100 a second: a backlog after downtime is caught up without taking PostgreSQL away from
# ingest for long).
ROLLUP_PERIOD_SECONDS = 2
ROLLUP_SPREAD_SECONDS = 45
ROLLUP_MAX_PER_RUN = 200


def rollup_quota(due: int, cutoff: datetime, period: float = ROLLUP_PERIOD_SECONDS) -> int:
    """How many of ``due`` marks one run of the job takes, so that they are done evenly before
    the next minute's marks become due (when ``cutoff`` reaches the next whole minute).

    A fleet's marks all become due at once, when the cutoff passes their minute. Taken at once
    (500 every 10 s, as the job used to), 1,000 agents' minute was about 6 s of PostgreSQL
    work in one burst every minute, on the cores that also run ingest: agent → browser
    latency had its tail there. Spread, it is a fraction of a second every run."""
    if due <= 0:
        return 0
    elapsed = cutoff.second + cutoff.microsecond / 1e6  # since the newest minute became due
    left = max(period, ROLLUP_SPREAD_SECONDS - elapsed)
    return min(ROLLUP_MAX_PER_RUN, max(1, math.ceil(due * period / left)))


def rollup_paced(now: datetime | None = None) -> int:
    """The worker's rollup job: ``rollup_pending`` on the share of the due marks that
    ``rollup_quota`` gives this run."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=60 + ROLLUP_SETTLE_SECONDS)
    quota = rollup_quota(RollupPending.objects.filter(bucket__lte=cutoff).count(), cutoff)
    return rollup_pending(limit=quota, now=now) if quota else 0


def _rollup_chunk(cutoff: datetime, size: int) -> int:
    with transaction.atomic():
        claimed = list(
            RollupPending.objects.select_for_update(skip_locked=True)
            .filter(bucket__lte=cutoff)
            .order_by("bucket", "server_id")[:size]
        )
        if not claimed:
            return 0
        RollupPending.objects.filter(pk__in=[p.pk for p in claimed]).delete()
        if connection.vendor == "postgresql":
            _rollup_claimed_pg([(p.server_id, p.bucket) for p in claimed])
            return len(claimed)
        hours: set[tuple[int, datetime]] = set()
        minutes: list[MetricRollup] = []
        for pending in claimed:
            for metric, lo, hi, total, n in _minute_aggregates(pending.server_id, pending.bucket):
                minutes.append(
                    MetricRollup(
                        server_id=pending.server_id, metric=metric, resolution=60, bucket=pending.bucket,
                        min=lo, max=hi, sum=total, count=n,
                    )
                )  # fmt: skip
            hours.add((pending.server_id, pending.bucket.replace(minute=0)))
        _upsert(minutes)
        hourly: list[MetricRollup] = []
        for server_id, hour in sorted(hours):
            aggregates = (
                MetricRollup.objects.filter(
                    server_id=server_id, resolution=60, bucket__gte=hour, bucket__lt=hour + timedelta(hours=1)
                )
                .values("metric")
                .annotate(lo=Min("min"), hi=Max("max"), total=Sum("sum"), n=Sum("count"))
            )
            hourly += [
                MetricRollup(
                    server_id=server_id, metric=a["metric"], resolution=3600, bucket=hour,
                    min=a["lo"], max=a["hi"], sum=a["total"], count=a["n"],
                )
                for a in aggregates
            ]  # fmt: skip
        _upsert(hourly)
    return len(claimed)


def _delete_before(queryset: QuerySet[Any], field: str, cutoff: datetime, chunk: int = 5000) -> int:
    """Delete in chunks, so a large prune never holds one huge transaction."""
    total = 0
    while True:
        ids = list(queryset.filter(**{f"{field}__lt": cutoff}).values_list("pk", flat=True)[:chunk])
        if not ids:
            return total
        total += queryset.model.objects.filter(pk__in=ids).delete()[0]


def prune(now: datetime | None = None) -> dict[str, int]:
    """Delete what is older than its retention (settings ``*_RETENTION_DAYS``)."""
    now = now or timezone.now()
    days = settings.RETENTION_DAYS
    return {
        "samples": _delete_before(MetricSample.objects.all(), "ts", now - timedelta(days=days["samples"])),
        "logs": _delete_before(LogLine.objects.all(), "ts", now - timedelta(days=days["logs"])),
        "rollups_1m": _delete_before(
            MetricRollup.objects.filter(resolution=60), "bucket", now - timedelta(days=days["rollups_1m"])
        ),
        "rollups_1h": _delete_before(
            MetricRollup.objects.filter(resolution=3600), "bucket", now - timedelta(days=days["rollups_1h"])
        ),
        "custom_metrics": _delete_before(
            CustomMetric.objects.all(), "ts", now - timedelta(days=days["custom_metrics"])
        ),
    }


#: What the worker runs for monitoring (registered by ``MonitoringConfig.ready``).
JOBS = (
    Job("monitoring.rollup", ROLLUP_PERIOD_SECONDS, rollup_paced),
    Job("monitoring.prune", 3600, prune),
)
