"""Ingest and the rollup job side by side: the job leaves the minute being written to ingest,
works in small commits, and ingest does not mark a minute again while the job cannot take it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitoring import jobs
from monitoring.ingest import FrameIn, marked_minutes, record_samples
from monitoring.ingest import marks as services
from monitoring.jobs import rollup_pending
from monitoring.models import IngestStream, MetricRollup, MetricSample, RollupPending
from monitoring.services import last_seq
from worker import runner

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


class TestPacing:
    """The job spreads a minute's marks over the minute instead of taking them in one burst
    (which was seconds of PostgreSQL work beside ingest, once a minute, at 1,000 agents)."""

    def test_a_fleets_minute_is_spread_evenly_and_done_before_the_next_is_due(self):
        cutoff, due, taken = MINUTE, 1000, []
        while due and cutoff < MINUTE + timedelta(minutes=1):
            quota = jobs.rollup_quota(due, cutoff)
            taken.append(quota)
            due -= quota
            cutoff += timedelta(seconds=jobs.ROLLUP_PERIOD_SECONDS)
        assert due == 0
        assert (len(taken) - 1) * jobs.ROLLUP_PERIOD_SECONDS < jobs.ROLLUP_SPREAD_SECONDS  # the last run
        assert max(taken) <= 1.1 * 1000 / len(taken)  # even: no run much above its share

    @pytest.mark.parametrize(
        ("due", "elapsed", "expected"),
        [
            (0, 0, 0),
            (1, 0, 1),  # a small fleet: one at a time, at least one
            (1000, 0, 45),  # ceil(1000 x 2 / 45)
            (100, 44, 100),  # the spread is over: whatever is left
            (5000, 44, jobs.ROLLUP_MAX_PER_RUN),  # a backlog: at most the cap per run
        ],
    )
    def test_the_quota(self, due, elapsed, expected):
        assert jobs.rollup_quota(due, MINUTE + timedelta(seconds=elapsed)) == expected

    def test_the_worker_runs_the_paced_job(self, server):
        for i in range(30):
            RollupPending.objects.create(server=server, bucket=MINUTE + timedelta(minutes=i))
        settled = timedelta(seconds=60 + services.ROLLUP_SETTLE_SECONDS)
        now = MINUTE + timedelta(minutes=29) + settled  # every mark due, the spread just begun
        assert jobs.rollup_paced(now=now) == 2  # ceil(30 x 2 / 45)
        assert RollupPending.objects.count() == 28
        assert jobs.rollup_paced(now=now + timedelta(seconds=44)) == 28
        assert not RollupPending.objects.exists()
        job = next(job for job in runner._jobs() if job.name == "monitoring.rollup")
        assert (job.run, job.period) == (jobs.rollup_paced, jobs.ROLLUP_PERIOD_SECONDS)
