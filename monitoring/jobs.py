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
    """The claimed minutes' rollups, and their hours' merged with them, in one statement:
    PostgreSQL does the work. (Done row by row in Python, the job held the hub's GIL for
    seconds a minute under 1,000 agents, and the event loop stalled with it.)

    An hour is not read again from its 1-minute rows: the minute's new figures are merged into
    it (least, greatest, and the change of sum and count since the minute's previous rollup,
    read in the same statement: a minute only gains samples, or, once its samples are older
    than their retention, only what came since is read, and added). Recomputing each touched
    hour from its minutes read up to 60 rows per (server, metric) per minute rolled up: a
    quarter to a third of a chunk's time late in the hour (measured on 200 servers). And a
    recomputation raced with another worker's minute of the same hour: computed from a
    snapshot without it, it overwrote that worker's hour once its row lock was released, and
    the hour lost a minute until the next one. An increment applied under the row lock cannot
    lose one. Two workers never roll up the same minute at once: its mark stays locked until
    the claiming job commits.

    The planner's estimate of a minute's samples is far too high (67,200 rows for 60), so it
    is not asked to choose: JIT is off (compiling cost ~0.8 s for work of a few milliseconds),
    the samples are read minute by minute through the (server, ts) index, and Memoize is off
    (it cached ``jsonb_each_text`` by sample document, which never repeats: every lookup
    missed, and hashing the documents was a third of the minutes' aggregation)."""
    rollups = connection.ops.quote_name(MetricRollup._meta.db_table)
    samples = connection.ops.quote_name(MetricSample._meta.db_table)
    values = connection.ops.quote_name("values")
    columns = "(server_id, metric, resolution, bucket, min, max, sum, count)"
    claimed = sorted(claimed)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL enable_memoize = off")
        cursor.execute(
            "WITH fresh AS MATERIALIZED ("  # noqa: S608
            "SELECT c.server_id, kv.key AS metric, c.bucket, min(kv.value::float8) AS min, "
            "max(kv.value::float8) AS max, sum(kv.value::float8) AS sum, count(*) AS count "
            "FROM unnest(%s::bigint[], %s::timestamptz[]) AS c(server_id, bucket) "
            # Per claimed minute, its samples by index: OFFSET 0 keeps the planner from
            # flattening this into a join, which it hashed over the whole table (8 s).
            f"CROSS JOIN LATERAL (SELECT s.{values} FROM {samples} s WHERE s.server_id = c.server_id "
            "AND s.ts >= c.bucket AND s.ts < c.bucket + interval '1 minute' OFFSET 0) AS s "
            f"CROSS JOIN jsonb_each_text(s.{values}) AS kv GROUP BY 1, 2, 3"
            # Each minute beside its previous rollup (a minute marked again by late samples), as
            # of this statement's snapshot: before the upsert below replaces it. ``added``: the
            # samples the previous rollup counted are gone (older than the samples' retention,
            # kept longer as rollups): what is read now is only what came since, so it is
            # added to the minute, not put in its place (a minute never loses what it counted).
            "), minutes AS MATERIALIZED ("
            "SELECT f.*, p.count IS NOT NULL AND f.count < p.count AS added, p.min AS pmin, p.max AS pmax, "
            "coalesce(p.sum, 0) AS psum, coalesce(p.count, 0) AS pcount FROM fresh f "
            f"LEFT JOIN {rollups} p ON p.server_id = f.server_id AND p.metric = f.metric "
            "AND p.resolution = 60 AND p.bucket = f.bucket"
            f"), written AS (INSERT INTO {rollups} {columns} "
            "SELECT server_id, metric, 60, bucket, CASE WHEN added THEN least(min, pmin) ELSE min END, "
            "CASE WHEN added THEN greatest(max, pmax) ELSE max END, CASE WHEN added THEN sum + psum ELSE sum END, "
            "CASE WHEN added THEN count + pcount ELSE count END FROM minutes ORDER BY 1, 2, 4 "
            "ON CONFLICT (server_id, metric, resolution, bucket) DO UPDATE SET min = excluded.min, "
            "max = excluded.max, sum = excluded.sum, count = excluded.count) "
            f"INSERT INTO {rollups} AS h {columns} "
            "SELECT server_id, metric, 3600, date_trunc('hour', bucket), min(min), max(max), "
            "sum(CASE WHEN added THEN sum ELSE sum - psum END), "
            "sum(CASE WHEN added THEN count ELSE count - pcount END) "
            "FROM minutes GROUP BY 1, 2, 4 ORDER BY 1, 2, 4 "
            "ON CONFLICT (server_id, metric, resolution, bucket) DO UPDATE SET min = least(h.min, excluded.min), "
            "max = greatest(h.max, excluded.max), sum = h.sum + excluded.sum, count = h.count + excluded.count",
            [[server_id for server_id, _ in claimed], [bucket for _, bucket in claimed]],
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
            previous = {
                r.metric: r
                for r in MetricRollup.objects.filter(server_id=pending.server_id, resolution=60, bucket=pending.bucket)
            }
            for metric, lo, hi, total, n in _minute_aggregates(pending.server_id, pending.bucket):
                before = previous.get(metric)
                if before is not None and n < before.count:  # its samples are gone: add (as on PostgreSQL)
                    lo, hi, total, n = min(lo, before.min), max(hi, before.max), total + before.sum, n + before.count
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
