"""The job runner on ``GET /metrics``: the jobs due now, and each job's last run (one query).
Runs and failures as counters come from every worker process (``chatops.telemetry.JOB_RUNS``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from worker.models import JobState


def collect_worker() -> Iterator[Any]:
    now = timezone.now()
    due = 0
    finished = GaugeMetricFamily(
        "chatops_worker_job_last_finished_timestamp_seconds", "When each job last finished (Unix time).", labels=["job"]
    )
    failing = GaugeMetricFamily("chatops_worker_job_failing", "1 if the job's last run failed.", labels=["job"])
    for name, next_run_at, last_finished_at, last_error in JobState.objects.values_list(
        "name", "next_run_at", "last_finished_at", "last_error"
    ).order_by("name"):
        due += next_run_at <= now
        if last_finished_at is not None:
            finished.add_metric([name], last_finished_at.timestamp())
        failing.add_metric([name], 1.0 if last_error else 0.0)
    yield GaugeMetricFamily("chatops_worker_jobs_due", "Background jobs whose next run is due now.", value=due)
    yield finished
    yield failing
