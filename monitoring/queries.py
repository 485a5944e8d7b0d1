"""History queries: at most ``points`` buckets of avg/min/max, from the cheapest source.

A bucket shorter than a minute is computed from raw samples (in SQL); a longer one from the
1-minute rollups, and from the 1-hour rollups once a bucket spans an hour or more. Rollups
lag the present by up to the rollup job's period (docs/architecture.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import orjson
from django.db import connection

from monitoring.models import MetricRollup, MetricSample

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


def _fetch_points(sql: str, params: list[Any], bucket: int) -> bytes:
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


def _rollups(server_id: int, metric: str, start: datetime, end: datetime, bucket: int, resolution: int) -> bytes:
    """Rollup rows merged into ``bucket``-second buckets, in SQL: a week of 1-minute rollups is
    10,080 rows, and moving them into Python to bucket them cost ~100 ms; the database does
    it in a few."""
    table = connection.ops.quote_name(MetricRollup._meta.db_table)
    size: timedelta | int
    where = "WHERE server_id = %s AND metric = %s AND resolution = %s AND bucket >= %s AND bucket < %s GROUP BY b"
    if connection.vendor == "postgresql":
        size = timedelta(seconds=bucket)
        sql = _PG_POINTS.format(
            buckets=f"SELECT {_PG_BUCKET.format(column='bucket')} AS b, sum(sum) / nullif(sum(count), 0)::float8 AS a, "  # noqa: S608
            f"min(min) AS lo, max(max) AS hi, sum(count) AS n FROM {table} {where}"
        )
    else:
        size = bucket
        sql = (
            "SELECT CAST(strftime('%%s', bucket) AS INTEGER) / %s AS b, sum(sum) * 1.0 / sum(count), "  # noqa: S608
            f"min(min), max(max), sum(count) AS n FROM {table} {where} ORDER BY b"
        )
    adapt = connection.ops.adapt_datetimefield_value
    return _fetch_points(sql, [size, server_id, metric, resolution, adapt(start), adapt(end)], bucket)


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
