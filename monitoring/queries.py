"""History queries: at most ``points`` buckets of avg/min/max, from the cheapest source.

A bucket shorter than a minute is computed from raw samples (in SQL); a longer one from the
1-minute rollups, and from the 1-hour rollups once a bucket spans an hour or more. Rollups
lag the present by up to the rollup job's period (docs/architecture.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection

from monitoring.models import MetricRollup, MetricSample

RAW, MINUTE, HOUR = "raw", "1m", "1h"
RAW_MAX_SPAN = 2 * 3600


@dataclass(frozen=True)
class Point:
    ts: str  # the bucket's start, ISO 8601 in UTC with a Z: "2026-11-16T01:00:00Z"
    avg: float
    min: float
    max: float
    count: int


@dataclass(frozen=True)
class History:
    metric: str
    start: datetime
    end: datetime
    source: str
    bucket_seconds: int
    points: list[Point]


def _epoch(value: datetime) -> float:
    return value.timestamp()


# Buckets aligned on the epoch. date_bin works on timestamps; floor(extract(epoch ...) / n)
# computed in numeric (PostgreSQL >= 14) and cost 40-50 % of a week's rollup query (19-22 ms
# vs 10-12 ms for 10,080 rows).
_PG_BUCKET = "date_bin(%s, {column}, TIMESTAMPTZ 'epoch')"
# The bucket's start as the API writes it, formatted by PostgreSQL: read as timestamps, the
# ~1,000 buckets of a week went through Django's Python timestamp loader at ~10 µs each, half
# of the endpoint's time. Buckets are whole seconds (a bucket is at least 1 s, from the epoch).
_PG_ISO = """to_char(b AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""
ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _start(key: str | int, bucket: int) -> str:
    """A bucket's start: PostgreSQL gives it formatted, SQLite as a bucket number."""
    return key if isinstance(key, str) else datetime.fromtimestamp(int(key) * bucket, UTC).strftime(ISO_FORMAT)


def _raw(server_id: int, metric: str, start: datetime, end: datetime, bucket: int) -> list[Point]:
    table = connection.ops.quote_name(MetricSample._meta.db_table)
    values = connection.ops.quote_name("values")
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {_PG_ISO}, a, lo, hi, n FROM (SELECT {_PG_BUCKET.format(column='ts')} AS b, "  # noqa: S608
            f"avg(({values}->>%s)::float8) AS a, min(({values}->>%s)::float8) AS lo, "
            f"max(({values}->>%s)::float8) AS hi, count(*) AS n "
            f"FROM {table} WHERE server_id = %s AND ts >= %s AND ts < %s AND {values} ? %s "
            "GROUP BY b) AS buckets ORDER BY b"
        )
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
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Point(_start(b, bucket), float(avg), float(lo), float(hi), int(n)) for b, avg, lo, hi, n in rows if n]


def _rollups(server_id: int, metric: str, start: datetime, end: datetime, bucket: int, resolution: int) -> list[Point]:
    """Rollup rows merged into ``bucket``-second buckets, in SQL: a week of 1-minute rollups is
    10,080 rows, and moving them into Python to bucket them cost ~100 ms; the database does
    it in a few."""
    table = connection.ops.quote_name(MetricRollup._meta.db_table)
    size: timedelta | int
    if connection.vendor == "postgresql":
        key, size, shown = _PG_BUCKET.format(column="bucket"), timedelta(seconds=bucket), _PG_ISO
    else:
        key, size, shown = "CAST(strftime('%%s', bucket) AS INTEGER) / %s", bucket, "b"
    sql = (
        f"SELECT {shown}, lo, hi, total, n FROM (SELECT {key} AS b, min(min) AS lo, max(max) AS hi, "  # noqa: S608
        f"sum(sum) AS total, sum(count) AS n FROM {table} "
        "WHERE server_id = %s AND metric = %s AND resolution = %s AND bucket >= %s AND bucket < %s "
        "GROUP BY b) AS buckets ORDER BY b"
    )
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        params: list[Any] = [size, server_id, metric, resolution, adapt(start), adapt(end)]
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Point(_start(b, bucket), float(total) / int(n), float(lo), float(hi), int(n))
        for b, lo, hi, total, n in rows
        if n
    ]


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
    return History(metric=metric, start=start, end=end, source=source, bucket_seconds=bucket, points=found)


def default_range(end: datetime | None, start: datetime | None) -> tuple[datetime, datetime]:
    end = end or datetime.now(UTC)
    start = start or end - timedelta(hours=1)
    return start, end
