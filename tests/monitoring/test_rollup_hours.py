"""The rollup job's hours: each merged from the minutes rolled up (PostgreSQL), never lost to
a second worker rolling another minute of the same hour, and equal to what its 1-minute rows
say after minutes are rolled up again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.models import Max, Min, Sum
from django.test.utils import CaptureQueriesContext

from monitoring import jobs
from monitoring.ingest import FrameIn, marked_minutes, record_samples
from monitoring.jobs import rollup_pending
from monitoring.models import MetricRollup, MetricSample
from tests.threads import second_waits_for_first

HOUR = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
LATER = HOUR + timedelta(hours=2)


@pytest.fixture(autouse=True)
def _fresh_memory():
    marked_minutes.forget()
    yield
    marked_minutes.forget()


def postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's statement; SQLite recomputes its hours from their minutes")


def samples(server: Any, minute: int, values: list[float], first_seq: int) -> int:
    """Store one sample a second of ``values`` (cpu_percent) in minute ``minute``; the next seq."""
    frames = [
        FrameIn(
            server.pk,
            "stream-1",
            {
                "type": "data",
                "seq": first_seq + i,
                "samples": [{"ts": (HOUR + timedelta(minutes=minute, seconds=i)).timestamp(), "values": {"cpu": v}}],
                "logs": [],
                "dropped": {"samples": 0, "logs": 0},
            },
        )
        for i, v in enumerate(values)
    ]
    record_samples(frames)
    return first_seq + len(values)


def hour_row(server: Any) -> MetricRollup:
    return MetricRollup.objects.get(server=server, metric="cpu", resolution=3600, bucket=HOUR)


def from_minutes(server: Any) -> dict[str, Any]:
    return MetricRollup.objects.filter(server=server, metric="cpu", resolution=60).aggregate(
        min=Min("min"), max=Max("max"), sum=Sum("sum"), count=Sum("count")
    )


@pytest.mark.django_db
def test_an_hour_is_what_its_minutes_say_after_a_minute_is_rolled_up_again(server):
    seq = samples(server, 0, [10.0, 20.0], 1)
    seq = samples(server, 1, [5.0, 7.5], seq)
    assert rollup_pending(now=LATER) == 2
    # Late samples for minute 0: a new low, a new high, more count and sum.
    seq = samples(server, 0, [1.0, 99.0, 30.0], seq)
    assert rollup_pending(now=LATER) == 1
    hour, minutes = hour_row(server), from_minutes(server)
    assert (hour.min, hour.max, hour.count) == (minutes["min"], minutes["max"], minutes["count"]) == (1.0, 99.0, 7)
    assert hour.sum == pytest.approx(minutes["sum"]) == pytest.approx(172.5)
    raw = [s.values["cpu"] for s in MetricSample.objects.filter(server=server)]
    assert hour.sum == pytest.approx(sum(raw))


@pytest.mark.django_db
def test_a_chunk_is_one_statement_that_reads_no_minute_rows_for_its_hours(server):
    """The hours are merged from the minutes being written, not read again from the 1-minute
    rows (up to 60 per server and metric): one INSERT for the whole chunk."""
    postgresql_only()
    samples(server, 0, [1.0, 2.0], 1)
    with CaptureQueriesContext(connection) as queries:
        assert rollup_pending(now=LATER) == 1
    writes = [q["sql"] for q in queries if "monitoring_metricrollup" in q["sql"]]
    assert len(writes) == 1, writes
    assert "r.resolution = 60 AND r.bucket >= " not in writes[0]
    assert (hour_row(server).count, hour_row(server).sum) == (2, 3.0)


@pytest.mark.django_db(transaction=True)
def test_two_workers_rolling_up_minutes_of_one_hour_at_once_both_count(server):
    """Worker A has written minute 0 and its hour and not committed yet; worker B rolls up
    minute 1 meanwhile. A recomputation of the hour by B read its minutes without A's (not
    committed), waited for A's row, and then overwrote the hour with one minute: it lost A's
    minute until the hour's next one."""
    postgresql_only()
    seq = samples(server, 0, [10.0, 20.0, 30.0], 1)
    samples(server, 1, [1.0, 2.0], seq)
    second_waits_for_first(
        lambda: jobs._rollup_claimed_pg([(server.pk, HOUR)]),
        lambda: jobs._rollup_claimed_pg([(server.pk, HOUR + timedelta(minutes=1))]),
        "the second worker should wait for the first one's hour row",
    )
    hour = hour_row(server)
    assert (hour.min, hour.max, hour.sum, hour.count) == (1.0, 30.0, 63.0, 5)


@pytest.mark.django_db
def test_rollups_have_one_unique_index_and_it_covers_the_history_queries():
    """Two indexes on the same keys (the constraint's, and a covering one for history) made
    every rollup write maintain both."""
    postgresql_only()
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'monitoring_metricrollup'")
        indexes = dict(cursor.fetchall())
    on_keys = {name: d for name, d in indexes.items() if "(server_id, metric, resolution, bucket)" in d}
    assert list(on_keys) == ["rollup_unique_bucket"]
    assert "UNIQUE" in on_keys["rollup_unique_bucket"]
    assert "INCLUDE (min, max, sum, count)" in on_keys["rollup_unique_bucket"]


@pytest.mark.django_db
def test_a_late_sample_for_a_minute_whose_samples_were_pruned_is_added_to_its_rollups(server):
    """Samples are kept 7 days, 1-minute rollups 30: a late sample (a clock far behind, a long
    replay) for such a minute finds only itself. It is added to the minute and its hour; it
    neither replaces the minute's figures nor takes a negative count off the hour (which the
    database refuses, and the job would fail on that chunk for ever)."""
    seq = samples(server, 0, [10.0, 20.0, 30.0], 1)
    samples(server, 1, [50.0], seq + 10)
    assert rollup_pending(now=LATER) == 2
    MetricSample.objects.filter(server=server, ts__lt=HOUR + timedelta(minutes=1)).delete()  # retention
    samples(server, 0, [5.0], seq + 20)
    assert rollup_pending(now=LATER) == 1
    minute = MetricRollup.objects.get(server=server, metric="cpu", resolution=60, bucket=HOUR)
    assert (minute.min, minute.max, minute.sum, minute.count) == (5.0, 30.0, 65.0, 4)
    hour = hour_row(server)
    assert (hour.min, hour.max, hour.sum, hour.count) == (5.0, 50.0, 115.0, 5)
