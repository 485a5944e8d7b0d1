"""Ingest and the rollup job side by side: the job leaves the minute being written to ingest,
works in small commits, and ingest does not mark a minute again while the job cannot take it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitoring import services
from monitoring.jobs import rollup_pending
from monitoring.models import IngestStream, MetricRollup, MetricSample, RollupPending
from monitoring.services import FrameIn, last_seq, marked_minutes, record_samples

pytestmark = pytest.mark.django_db
MINUTE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_memory():
    marked_minutes.forget()
    yield
    marked_minutes.forget()


@pytest.fixture
def clock(monkeypatch):
    """The hub's clock as ingest reads it, set by the test."""
    now = {"t": MINUTE.timestamp()}
    monkeypatch.setattr(services, "_now", lambda: now["t"])
    return now


def frame(server, seq, ts, stream="stream-000001", **values):
    return FrameIn(
        server.pk,
        stream,
        {
            "type": "data",
            "seq": seq,
            "samples": [{"ts": ts.timestamp(), "values": values or {"cpu_percent": 1.0}}],
            "logs": [],
            "dropped": {"samples": 0, "logs": 0},
        },
    )


def test_the_job_leaves_the_minute_being_written_alone(server):
    now = MINUTE + timedelta(seconds=40)
    record_samples([frame(server, 1, MINUTE + timedelta(seconds=10), cpu_percent=5.0)])
    assert rollup_pending(now=now) == 0
    assert rollup_pending(now=MINUTE + timedelta(seconds=60 + services.ROLLUP_SETTLE_SECONDS - 1)) == 0
    assert RollupPending.objects.count() == 1
    assert not MetricRollup.objects.exists()

    assert rollup_pending(now=MINUTE + timedelta(seconds=60 + services.ROLLUP_SETTLE_SECONDS)) == 1
    assert not RollupPending.objects.exists()
    assert MetricRollup.objects.get(resolution=60, metric="cpu_percent", bucket=MINUTE).max == 5.0
    assert MetricRollup.objects.get(resolution=3600, metric="cpu_percent").count == 1


def test_the_job_takes_finished_minutes_in_chunks_up_to_its_limit(server):
    record_samples([frame(server, i + 1, MINUTE + timedelta(minutes=i), cpu_percent=float(i)) for i in range(7)])
    later = MINUTE + timedelta(hours=1)
    assert rollup_pending(limit=5, chunk=2, now=later) == 5
    assert RollupPending.objects.count() == 2
    assert rollup_pending(limit=5, chunk=2, now=later) == 2
    assert not RollupPending.objects.exists()
    assert MetricRollup.objects.filter(resolution=60).count() == 7
    hour = MetricRollup.objects.get(resolution=3600, metric="cpu_percent")
    assert (hour.min, hour.max, hour.count) == (0.0, 6.0, 7)


def test_a_minute_this_process_marked_is_not_marked_again_by_every_batch(
    server, clock, django_capture_on_commit_callbacks
):
    clock["t"] = (MINUTE + timedelta(seconds=5)).timestamp()
    with django_capture_on_commit_callbacks(execute=True):
        record_samples([frame(server, 1, MINUTE + timedelta(seconds=5))])
    assert RollupPending.objects.filter(server=server, bucket=MINUTE).count() == 1
    # Were the mark gone, a batch that marked the minute again would bring it back.
    RollupPending.objects.all().delete()
    clock["t"] = (MINUTE + timedelta(seconds=30)).timestamp()
    with django_capture_on_commit_callbacks(execute=True):
        record_samples([frame(server, 2, MINUTE + timedelta(seconds=30))])
    assert not RollupPending.objects.exists()
    # The next minute is new: marked.
    clock["t"] = (MINUTE + timedelta(seconds=61)).timestamp()
    with django_capture_on_commit_callbacks(execute=True):
        record_samples([frame(server, 3, MINUTE + timedelta(seconds=61))])
    assert list(RollupPending.objects.values_list("bucket", flat=True)) == [MINUTE + timedelta(minutes=1)]
    assert MetricSample.objects.filter(server=server).count() == 3


def test_a_remembered_minute_is_marked_again_once_the_job_may_take_it(
    server, clock, django_capture_on_commit_callbacks
):
    clock["t"] = (MINUTE + timedelta(seconds=5)).timestamp()
    with django_capture_on_commit_callbacks(execute=True):
        record_samples([frame(server, 1, MINUTE + timedelta(seconds=5))])
    assert rollup_pending(now=MINUTE + timedelta(minutes=5)) == 1
    # A late sample of that minute, after the job rolled it up: marked, and rolled up again.
    clock["t"] = (MINUTE + timedelta(seconds=60 + services.MARK_REUSE_SECONDS)).timestamp()
    with django_capture_on_commit_callbacks(execute=True):
        record_samples([frame(server, 2, MINUTE + timedelta(seconds=50), cpu_percent=99.0)])
    assert RollupPending.objects.filter(server=server, bucket=MINUTE).count() == 1
    assert rollup_pending(now=MINUTE + timedelta(minutes=5)) == 1
    assert MetricRollup.objects.get(resolution=60, metric="cpu_percent", bucket=MINUTE).max == 99.0


def test_nothing_is_remembered_from_a_batch_that_did_not_commit(server, clock, django_capture_on_commit_callbacks):
    clock["t"] = (MINUTE + timedelta(seconds=5)).timestamp()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record_samples([frame(server, 1, MINUTE + timedelta(seconds=5))])
    assert len(callbacks) == 1  # the memory is updated only on commit
    assert marked_minutes.newest == {}


def test_a_stream_is_created_when_its_agent_says_hello(server):
    assert last_seq(server.pk, "stream-000009") == 0
    assert IngestStream.objects.filter(server=server, stream="stream-000009").exists()
    record_samples([frame(server, 4, MINUTE, stream="stream-000009")])
    assert last_seq(server.pk, "stream-000009") == 4
