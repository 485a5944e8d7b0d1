"""History covers every stored sample, whatever the rollup job's progress: the minutes it has
not rolled up yet (just written, or replayed late after an outage) come from raw samples."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from monitoring.ingest import FrameIn, marked_minutes, record_samples
from monitoring.jobs import rollup_pending
from monitoring.models import MetricRollup, RollupPending
from tests.helpers import assert_ok

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
# (span, points): a day in 10-minute buckets from 1-minute rollups, 30 days from 1-hour ones,
# and 80 minutes in one bucket of two hours, the second hour's row counting all its minutes.
RANGES = [(timedelta(days=1), 144, "1m"), (timedelta(days=30), 100, "1h"), (timedelta(minutes=80), 1, "1h")]


@pytest.fixture(autouse=True)
def _fresh_memory():
    # Which minutes this process marked already; server ids repeat across tests on SQLite.
    marked_minutes.forget()
    yield
    marked_minutes.forget()


def samples(server, stream, first_seq, moments, value):
    """One frame per moment, each one sample of cpu_percent (and load_1, another metric)."""
    return [
        FrameIn(
            server.pk,
            stream,
            {
                "type": "data",
                "seq": first_seq + i,
                "samples": [{"ts": ts.timestamp(), "values": {"cpu_percent": value(ts), "load_1": 1.0}}],
                "logs": [],
                "dropped": {"samples": 0, "logs": 0},
            },
        )
        for i, ts in enumerate(moments)
    ]


def every(seconds, start, count):
    return [start + timedelta(seconds=seconds * i) for i in range(count)]


def history(client, server, **query):
    return assert_ok(client.get(f"/api/v1/metrics/{server.pk}/history", {"metric": "cpu_percent", **query}))


def test_the_last_hour_right_after_an_agent_starts(viewer_client, server):
    now = timezone.now()
    moments = every(5, now - timedelta(seconds=150), 30)
    record_samples(samples(server, "stream-000001", 1, moments, lambda ts: float(ts.second % 7)))
    assert not MetricRollup.objects.exists()

    data = history(viewer_client, server, points=2)
    assert data["source"] == "1m"
    assert sum(p["count"] for p in data["points"]) == 30
    assert max(p["max"] for p in data["points"]) == max(float(ts.second % 7) for ts in moments)


@pytest.mark.parametrize(("span", "points", "source"), RANGES)
def test_the_answer_before_the_job_runs_is_the_answer_after_it(viewer_client, server, span, points, source):
    record_samples(samples(server, "stream-000001", 1, every(20, T0, 270), lambda ts: float(ts.minute)))
    query = {"start": T0.isoformat(), "end": (T0 + span).isoformat(), "points": points}

    before = history(viewer_client, server, **query)
    rollup_pending(limit=100_000)
    assert not RollupPending.objects.exists()
    after = history(viewer_client, server, **query)
    assert before == after
    assert after["source"] == source
    assert sum(p["count"] for p in after["points"]) == 270
    assert max(p["max"] for p in after["points"]) == 59.0


@pytest.mark.parametrize(("span", "points", "source"), RANGES)
def test_a_replayed_outage_is_answered_before_it_is_rolled_up(viewer_client, server, span, points, source):
    # 30 minutes stored and rolled up; then the agent replays what it buffered in an outage:
    # minutes 40 to 44, and a late sample of minute 5, which has a rollup already.
    record_samples(samples(server, "stream-000001", 1, every(10, T0, 180), lambda ts: 1.0))
    rollup_pending(limit=100_000)
    replay = [*every(10, T0 + timedelta(minutes=40), 30), T0 + timedelta(minutes=5, seconds=55)]
    record_samples(samples(server, "stream-000002", 1, replay, lambda ts: 3.0))
    assert RollupPending.objects.count() == 6
    query = {"start": T0.isoformat(), "end": (T0 + span).isoformat(), "points": points}

    data = history(viewer_client, server, **query)
    assert data["source"] == source
    assert sum(p["count"] for p in data["points"]) == 180 + 31
    assert max(p["max"] for p in data["points"]) == 3.0
    rollup_pending(limit=100_000)
    assert history(viewer_client, server, **query) == data
