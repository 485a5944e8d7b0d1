"""A covering index for history queries over rollups (PostgreSQL only).

A 7-day history query reads ~10,000 one-minute rollup rows of one server and metric; through
the unique index each row cost a heap page read (10,149 pages, 283 ms with them not in memory,
bench/README.md). With min, max, sum and count in the index, it is an index-only scan of ~180
pages (14.6 ms measured on the same data). Built CONCURRENTLY (30 s for 8.2 M rows here) so the
rollup job is not blocked meanwhile. SQLite has no INCLUDE (and a UniqueConstraint with
``include`` breaks its upsert), so it keeps the unique index only.
"""

from django.db import migrations

from chatops.db import PostgreSQLOnly


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("monitoring", "0001_timeseries")]

    operations = [
        PostgreSQLOnly(
            sql=(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS rollup_history_covering_idx "
                "ON monitoring_metricrollup (server_id, metric, resolution, bucket) "
                'INCLUDE ("min", "max", "sum", "count")'
            ),
            reverse_sql="DROP INDEX CONCURRENTLY IF EXISTS rollup_history_covering_idx",
        )
    ]
