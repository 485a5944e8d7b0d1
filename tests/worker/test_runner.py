"""The worker loop's turn: it waits until the next job is due, not a fixed pause, so a job
that stopped at its time budget with work left runs again at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from worker.models import JobState
from worker.runner import MAX_WAIT, MIN_WAIT, Job, run_due_jobs, seconds_until_due, turn

pytestmark = pytest.mark.django_db


def test_a_job_never_run_is_due_now_and_one_just_run_after_its_period():
    job = Job("test.period", 30, lambda: None)
    assert seconds_until_due([job]) == 0.0
    run_due_jobs([job])
    assert 29 < seconds_until_due([job]) <= 30


def test_the_loop_waits_until_the_next_job_is_due_capped_by_its_tick():
    fast, slow = Job("test.fast", 1, lambda: None), Job("test.slow", 3600, lambda: None)
    assert 0.5 < turn([fast, slow]) <= 1.0  # the fast job's period, not the 2 s tick
    assert turn([slow]) == MAX_WAIT  # nothing due for an hour: the tick bounds the wait


def test_a_job_that_ran_past_its_period_runs_again_without_a_pause():
    runs: list[int] = []

    def backlog() -> int:
        runs.append(1)
        # As a job that stopped at its budget: by the time it returns, its period has passed.
        JobState.objects.filter(name="test.backlog").update(next_run_at=timezone.now() - timedelta(seconds=1))
        return len(runs)

    job = Job("test.backlog", 1, backlog)
    assert [turn([job]) for _ in range(3)] == [MIN_WAIT] * 3
    assert runs == [1, 1, 1]


def test_an_idle_turn_reads_once_whatever_the_number_of_jobs(django_assert_num_queries):
    jobs = [Job(f"test.idle{i}", 3600, lambda: None) for i in range(5)]
    run_due_jobs(jobs)  # each ran once: none is due for an hour
    with django_assert_num_queries(1):
        assert run_due_jobs(jobs) == {}
