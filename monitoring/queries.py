"""History queries: at most ``points`` buckets of avg/min/max, from the cheapest source.

A bucket shorter than a minute is computed from raw samples (in SQL); a longer one from the
1-minute rollups, and from the 1-hour rollups once a bucket spans an hour or more. Rollups lag
the present (docs/architecture.md), and minutes replayed after an outage arrive late: the
minutes still marked for the rollup job (``RollupPending``) are read from their raw samples
instead, merged into the same buckets, so an answer covers every stored sample of its range
and does not change when the job catches up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import orjson
from django.db import connection
from django.db.models import QuerySet

from monitoring.models import CustomMetric, MetricRollup, MetricSample, RollupPending

RAW, MINUTE, HOUR = "raw", "1m", "1h"
RAW_MAX_SPAN = 2 * 3600


@dataclass(frozen=True)
class History:
    metric: str
    start: datetime
    end: datetime
    source: str
    bucket_seconds: int
    # The points as a JSON array, each {"ts", "avg", "min", "max", "count"}, ts the bucket's
    # start in ISO 8601 UTC with a Z ("2026-11-16T01:00:00Z"). On PostgreSQL the database
    # writes it (json_agg): a week's ~1,000 buckets cost ~4 ms of Python as tuples, then
    # objects, then dicts, in an endpoint whose target is 20 ms.
    points_json: bytes

    @property
    def points(self) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], orjson.loads(self.points_json))


# Buckets aligned on the epoch. date_bin works on timestamps; floor(extract(epoch ...) / n)
# computed in numeric (PostgreSQL >= 14) and cost 40-50 % of a week's rollup query (19-22 ms
# vs 10-12 ms for 10,080 rows).
_PG_BUCKET = "date_bin(%s, {column}, TIMESTAMPTZ 'epoch')"
# The bucket's start as the API writes it, formatted by PostgreSQL: read as timestamps, the
# ~1,000 buckets of a week went through Django's Python timestamp loader at ~10 µs each, half
# of the endpoint's time. Buckets are whole seconds (a bucket is at least 1 s, from the epoch).
_PG_ISO = """to_char(b AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""
# The points of the buckets (columns b, a, lo, hi, n) as one JSON array, in time order (the
# formatted starts sort as the times do, byte by byte). json_agg of whole rows costs
# PostgreSQL about what sending the rows does; json_build_object per row cost 1 ms more.
_PG_POINTS = (
    f"""SELECT coalesce(json_agg(p ORDER BY p.ts COLLATE "C"), '[]')::text FROM (SELECT {_PG_ISO} AS ts, """  # noqa: S608
    """a AS "avg", lo AS "min", hi AS "max", n AS "count" FROM ({buckets}) AS buckets WHERE n > 0) AS p"""
)
ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _points(rows: list[tuple[Any, ...]], bucket: int) -> bytes:
    """SQLite's buckets (number, avg, min, max, count) as the JSON PostgreSQL writes itself."""
    points = [
        {
            "ts": datetime.fromtimestamp(int(b) * bucket, UTC).strftime(ISO_FORMAT),
            "avg": float(avg),
            "min": float(lo),
            "max": float(hi),
            "count": int(n),
        }
        for b, avg, lo, hi, n in rows
        if n
    ]
    return orjson.dumps(points)


def _fetch_points(sql: str, params: list[Any] | dict[str, Any], bucket: int) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            return str(cursor.fetchone()[0]).encode()
        return _points(cursor.fetchall(), bucket)


def _raw(server_id: int, metric: str, start: datetime, end: datetime, bucket: int) -> bytes:
    table = connection.ops.quote_name(MetricSample._meta.db_table)
    values = connection.ops.quote_name("values")
    if connection.vendor == "postgresql":
        buckets = (
            f"SELECT {_PG_BUCKET.format(column='ts')} AS b, "  # noqa: S608
            f"avg(({values}->>%s)::float8) AS a, min(({values}->>%s)::float8) AS lo, "
            f"max(({values}->>%s)::float8) AS hi, count(*) AS n "
            f"FROM {table} WHERE server_id = %s AND ts >= %s AND ts < %s AND {values} ? %s GROUP BY b"
        )
        sql = _PG_POINTS.format(buckets=buckets)
        params: list[Any] = [timedelta(seconds=bucket), metric, metric, metric, server_id, start, end, metric]
    else:
        path = '$."' + metric.replace('"', '""') + '"'
        sql = (
            # Whole epoch seconds, then integer division: julianday() arithmetic is off by
            # float error and put samples on a bucket's edge into the previous one.
            "SELECT CAST(strftime('%%s', ts) AS INTEGER) / %s AS b, "  # noqa: S608
            f"avg(json_extract({values}, %s)), min(json_extract({values}, %s)), max(json_extract({values}, %s)), "
            f"count(json_extract({values}, %s)) FROM {table} WHERE server_id = %s AND ts >= %s AND ts < %s "
            f"AND json_extract({values}, %s) IS NOT NULL GROUP BY b ORDER BY b"
        )
        params = [bucket, path, path, path, path, server_id, start, end, path]
    params = [connection.ops.adapt_datetimefield_value(p) if isinstance(p, datetime) else p for p in params]
    return _fetch_points(sql, params, bucket)


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


# The rollups of a range merged with the raw samples of its pending minutes, as rows (b, a, lo,
# hi, n) of ``bucket``-second buckets. The buckets holding no pending minute are the plain
# rollup query's; the few that hold one are computed again without the pending minutes' stale
# rollup rows (their 1-minute rows, and with 1-hour rollups their hours' rows, each such hour
# rebuilt from its other 1-minute rows) and with the pending minutes' raw samples. One
# statement, so one snapshot: the job deleting a mark and writing its rollups commits both
# together, and either is seen whole.
#
# Each pending minute's samples are read through the (server, ts) index (OFFSET 0, as in
# monitoring.jobs: the planner's estimate of a minute's samples is far too high, 3,013 rows for
# 60). That cost times the pending minutes passes jit_above_cost at ~9 of them, and with 60
# marks counted right (a filter on ``bucket``) JIT took 0.4-0.5 s of a 10 ms query. Filtered on
# their slot, an expression, they are estimated at 1 to 3 even for 600 marks of one server, 10
# for 2,000 (JIT then 31 ms of a 1.3 s query): cheaper than a transaction and a SET per query.
_PG_MERGED = """WITH pending AS MATERIALIZED (
    SELECT bucket AS minute, {slot} AS slot FROM {pending} WHERE server_id = %(server)s
    AND bucket > %(start)s - %(resolution)s AND bucket < %(end)s + %(resolution)s
    AND {slot} >= %(start)s AND {slot} < %(end)s
), dirty AS MATERIALIZED (
    SELECT DISTINCT date_bin(%(size)s, slot, TIMESTAMPTZ 'epoch') AS b FROM pending
), rolled AS (
    SELECT {bucket} AS b, sum(sum) / nullif(sum(count), 0)::float8 AS a, min(min) AS lo, max(max) AS hi,
    sum(count) AS n FROM {rollups} WHERE server_id = %(server)s AND metric = %(metric)s AND resolution = %(seconds)s
    AND bucket >= %(start)s AND bucket < %(end)s GROUP BY 1
), parts AS (
    SELECT d.b, r.sum AS s, r.min AS lo, r.max AS hi, r.count AS n FROM dirty d
    JOIN {rollups} r ON r.server_id = %(server)s AND r.metric = %(metric)s AND r.resolution = %(seconds)s
    AND r.bucket >= greatest(d.b, %(start)s) AND r.bucket < least(d.b + %(size)s, %(end)s)
    WHERE r.bucket NOT IN (SELECT slot FROM pending)
    {hours}
    UNION ALL
    SELECT date_bin(%(size)s, p.minute, TIMESTAMPTZ 'epoch'), sum(v), min(v), max(v), count(*) FROM pending p
    CROSS JOIN LATERAL (SELECT ({values}->>%(metric)s)::float8 AS v FROM {samples} WHERE server_id = %(server)s
    AND ts >= p.minute AND ts < p.minute + interval '1 minute' AND {values} ? %(metric)s OFFSET 0) AS x GROUP BY 1
)
SELECT * FROM rolled WHERE b NOT IN (SELECT b FROM dirty)
UNION ALL
SELECT b, sum(s) / nullif(sum(n), 0)::float8, min(lo), max(hi), sum(n)::bigint FROM parts GROUP BY b"""
_PG_HOURS = """UNION ALL
    SELECT {bucket}, r.sum, r.min, r.max, r.count FROM (SELECT DISTINCT slot FROM pending) AS h
    JOIN {rollups} r ON r.server_id = %(server)s AND r.metric = %(metric)s AND r.resolution = 60
    AND r.bucket >= h.slot AND r.bucket < h.slot + %(resolution)s WHERE r.bucket NOT IN (SELECT minute FROM pending)"""

# The same on SQLite, on epoch seconds (its datetimes are text).
_SQLITE_EPOCH = "CAST(strftime('%%s', {column}) AS INTEGER)"
_SQLITE_MERGED = """WITH pending AS (
    SELECT minute, me, me / %(seconds)s * %(seconds)s AS slot FROM (SELECT bucket AS minute, {pending_epoch} AS me
    FROM {pending} WHERE server_id = %(server)s AND bucket > %(before_start)s AND bucket < %(after_end)s) AS m
    WHERE me / %(seconds)s * %(seconds)s >= %(start_epoch)s AND me / %(seconds)s * %(seconds)s < %(end_epoch)s
), parts AS (
    SELECT {rollup_epoch} / %(size)s AS b, sum(sum) AS s, min(min) AS lo, max(max) AS hi, sum(count) AS n
    FROM {rollups} r WHERE server_id = %(server)s AND metric = %(metric)s AND resolution = %(seconds)s
    AND bucket >= %(start)s AND bucket < %(end)s AND {rollup_epoch} NOT IN (SELECT slot FROM pending) GROUP BY 1
    {hours}
    UNION ALL
    SELECT p.me / %(size)s, sum(v), min(v), max(v), count(*) FROM pending p
    JOIN (SELECT ts, json_extract({values}, %(path)s) AS v FROM {samples} WHERE server_id = %(server)s) AS x
    ON x.ts >= p.minute AND x.ts < datetime(p.minute, '+1 minute') WHERE v IS NOT NULL GROUP BY 1
)
SELECT b, sum(s) * 1.0 / sum(n), min(lo), max(hi), sum(n) FROM parts GROUP BY b ORDER BY b"""
_SQLITE_HOURS = """UNION ALL
    SELECT {rollup_epoch} / %(size)s, sum(sum), min(min), max(max), sum(count)
    FROM (SELECT DISTINCT slot FROM pending) h
    JOIN {rollups} r ON r.server_id = %(server)s AND r.metric = %(metric)s AND r.resolution = 60
    AND r.bucket >= datetime(h.slot, 'unixepoch') AND r.bucket < datetime(h.slot + %(seconds)s, 'unixepoch')
    WHERE {rollup_epoch} NOT IN (SELECT me FROM pending) GROUP BY 1"""


def _rollups(server_id: int, metric: str, start: datetime, end: datetime, bucket: int, resolution: int) -> bytes:
    """Rollup rows merged into ``bucket``-second buckets, in SQL: a week of 1-minute rollups is
    10,080 rows, and moving them into Python to bucket them cost ~100 ms; the database does
    it in a few. The minutes not rolled up yet come from their raw samples (``_PG_MERGED``)."""
    tables = {
        "rollups": _table(MetricRollup),
        "samples": _table(MetricSample),
        "pending": _table(RollupPending),
        "values": connection.ops.quote_name("values"),
    }
    adapt = connection.ops.adapt_datetimefield_value
    params: dict[str, Any] = {"server": server_id, "metric": metric, "seconds": resolution}
    if connection.vendor == "postgresql":
        params.update(size=timedelta(seconds=bucket), resolution=timedelta(seconds=resolution), start=start, end=end)
        column = _PG_BUCKET.format(column="bucket").replace("%s", "%(size)s")
        hour_column = _PG_BUCKET.format(column="r.bucket").replace("%s", "%(size)s")
        hours = _PG_HOURS.format(bucket=hour_column, **tables) if resolution > 60 else ""
        # A pending minute's slot is the rollup row it makes stale: itself (marks are whole
        # minutes), or its hour for hourly rollups. It is in the range if its slot is, as a
        # rollup row is, so the answer is the one the rollups give once the job is done.
        slot = "date_bin(%(resolution)s, bucket, TIMESTAMPTZ 'epoch')"
        sql = _PG_POINTS.format(buckets=_PG_MERGED.format(bucket=column, hours=hours, slot=slot, **tables))
    else:
        epochs = {
            "pending_epoch": _SQLITE_EPOCH.format(column="bucket"),
            "rollup_epoch": _SQLITE_EPOCH.format(column="r.bucket"),
        }
        params.update(
            size=bucket,
            path='$."' + metric.replace('"', '""') + '"',
            start=adapt(start),
            end=adapt(end),
            before_start=adapt(start - timedelta(seconds=resolution)),
            after_end=adapt(end + timedelta(seconds=resolution)),
            start_epoch=start.timestamp(),
            end_epoch=end.timestamp(),
        )
        hours = _SQLITE_HOURS.format(**epochs, **tables) if resolution > 60 else ""
        sql = _SQLITE_MERGED.format(hours=hours, **epochs, **tables)
    return _fetch_points(sql, params, bucket)


def history(server_id: int, metric: str, start: datetime, end: datetime, points: int) -> History:
    span = max(1.0, (end - start).total_seconds())
    bucket = max(1, math.ceil(span / points))
    # Raw samples only for short spans: scanning them costs per sample (~6 µs each, a 6-hour
    # span was 137 ms), rollups per minute. Past RAW_MAX_SPAN the answer may have fewer points
    # than asked (minute buckets), which ``points`` allows: it is a maximum.
    if bucket < 60 and span <= RAW_MAX_SPAN:
        source, found = RAW, _raw(server_id, metric, start, end, bucket)
    elif bucket < 3600:
        bucket = max(60, math.ceil(bucket / 60) * 60)  # whole minutes, so no minute is split
        source, found = MINUTE, _rollups(server_id, metric, start, end, bucket, 60)
    else:
        bucket = math.ceil(bucket / 3600) * 3600
        source, found = HOUR, _rollups(server_id, metric, start, end, bucket, 3600)
    return History(metric=metric, start=start, end=end, source=source, bucket_seconds=bucket, points_json=found)


def default_range(end: datetime | None, start: datetime | None) -> tuple[datetime, datetime]:
    end = end or datetime.now(UTC)
    start = start or end - timedelta(hours=1)
    return start, end


# --- Custom metrics ------------------------------------------------------------------------------


def custom_history(
    name: str,
    tags: list[tuple[str, str]],
    start: datetime,
    end: datetime,
    points: int,
    rows: QuerySet[CustomMetric] | None = None,
) -> History:
    """A custom metric's points (those whose tags include ``tags``, among ``rows``: those the
    caller may see) in at most ``points`` buckets, in the shape of a server metric's history.
    Always from the points themselves: custom metrics are few (scripts and CI send them) and
    have no rollups."""
    span = max(1.0, (end - start).total_seconds())
    bucket = max(1, math.ceil(span / points))
    rows = (CustomMetric.objects.all() if rows is None else rows).filter(name=name, ts__gte=start, ts__lt=end)
    for key, value in tags:
        rows = rows.filter(**{f"tags__{key}": value})
    inner, inner_params = rows.values("ts", "value").query.sql_with_params()
    if connection.vendor == "postgresql":
        sql = _PG_POINTS.format(
            buckets=f"SELECT {_PG_BUCKET.format(column='ts')} AS b, avg(value) AS a, min(value) AS lo, "  # noqa: S608
            f"max(value) AS hi, count(*) AS n FROM ({inner}) AS p GROUP BY b"
        )
        params: list[Any] = [timedelta(seconds=bucket), *inner_params]
    else:
        sql = (
            "SELECT CAST(strftime('%%s', ts) AS INTEGER) / %s AS b, avg(value), min(value), max(value), "  # noqa: S608
            f"count(*) FROM ({inner}) AS p GROUP BY b ORDER BY b"
        )
        params = [bucket, *inner_params]
    return History(
        metric=name,
        start=start,
        end=end,
        source=RAW,
        bucket_seconds=bucket,
        points_json=_fetch_points(sql, params, bucket),
    )


def recent(server_ids: Any, metric: str, since: datetime) -> dict[int, list[tuple[datetime, float]]]:
    """Each server's 1-minute averages of ``metric`` since ``since``, in one query on the rollup
    index: the overview's sparklines for a whole fleet (200 servers, 15 minutes: 3,000 rows)."""
    rows = (
        MetricRollup.objects.filter(server_id__in=server_ids, metric=metric, resolution=60, bucket__gte=since)
        .order_by("server_id", "bucket")
        .values_list("server_id", "bucket", "sum", "count")
    )
    found: dict[int, list[tuple[datetime, float]]] = {}
    for server_id, bucket, total, count in rows:
        if count:
            found.setdefault(server_id, []).append((bucket, total / count))
    return found
