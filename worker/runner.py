"""The job loop: ``manage.py worker`` runs it; with EMBEDDED_WORKER the hub runs it in a thread.

Each app registers its jobs with their period (``chatops.registry.register_jobs``, from its
``apps.py``); the worker imports no app. Each turn of the loop claims every job that is due
(one transaction per claim, ``skip_locked``), runs it, and records the outcome. Several workers,
or several hub processes with embedded workers, share the work without running a job twice.
"""

from __future__ import annotations

import logging
import threading
import traceback
from datetime import datetime, timedelta
from typing import Any

from django.db import close_old_connections, transaction
from django.utils import timezone

from chatops import registry, telemetry
from chatops.registry import Job
from worker.models import JobState

__all__ = ["Job", "loop", "run_due_jobs", "seconds_until_due", "start_embedded", "turn"]

logger = logging.getLogger(__name__)


def _jobs() -> list[Job]:
    """Every app's jobs, in registration order (``chatops.registry``)."""
    return registry.jobs.entries()


def _claim(job: Job) -> bool:
    now = timezone.now()
    with transaction.atomic():
        JobState.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
        state = JobState.objects.select_for_update(skip_locked=True).filter(name=job.name).first()
        if state is None or state.next_run_at > now:
            return False
        state.next_run_at = now + timedelta(seconds=job.period)
        state.last_started_at = now
        state.save(update_fields=["next_run_at", "last_started_at"])
    return True


def run_due_jobs(jobs: list[Job] | None = None) -> dict[str, Any]:
    """Run every job that is due now; returns their results (for tests and the command).

    One read says which jobs are not due yet; only the others are claimed (each in its own
    transaction, which checks again under the row lock): an idle turn, once a second, costs
    one statement rather than a claim per registered job."""
    results: dict[str, Any] = {}
    jobs = jobs if jobs is not None else _jobs()
    now = timezone.now()
    not_due = JobState.objects.filter(name__in=[j.name for j in jobs], next_run_at__gt=now)
    later = set(not_due.values_list("name", flat=True))
    for job in jobs:
        if job.name in later or not _claim(job):
            continue
        error = ""
        try:
            results[job.name] = job.run()
        except Exception:
            logger.exception("Job %s failed", job.name)
            error = traceback.format_exc(limit=5)
        telemetry.JOB_RUNS.inc(1, job.name, "failed" if error else "succeeded")
        JobState.objects.filter(name=job.name).update(
            last_finished_at=timezone.now(),
            last_result={"result": results.get(job.name)} if not error else {},
            last_error=error,
        )
    return results


#: The loop never waits longer than this between turns (a job added by another process, a
#: claim released by a worker that died), nor less than ``MIN_WAIT`` (no busy spin on a job
#: another worker is claiming this instant).
MAX_WAIT = 2.0
MIN_WAIT = 0.05


def seconds_until_due(jobs: list[Job] | None = None, now: datetime | None = None) -> float:
    """How long until the first of ``jobs`` is due (0 when one is due now or was never run)."""
    names = [job.name for job in (jobs if jobs is not None else _jobs())]
    states = list(JobState.objects.filter(name__in=names).values_list("next_run_at", flat=True))
    if len(states) < len(set(names)):
        return 0.0
    nearest = min(states, default=None)
    if nearest is None:
        return MAX_WAIT
    return max(0.0, (nearest - (now or timezone.now())).total_seconds())


def turn(jobs: list[Job] | None = None, tick: float = MAX_WAIT) -> float:
    """One turn of the loop: run the due jobs; returns how long to wait before the next turn —
    until the next job is due, at most ``tick``. A job that stopped at its time budget with
    work left is due again at once (its period has passed meanwhile), so a backlog is worked
    without a pause."""
    try:
        run_due_jobs(jobs)
        return min(tick, max(MIN_WAIT, seconds_until_due(jobs)))
    except Exception:
        logger.exception("The worker loop failed; retrying")
        return tick


def loop(stop: threading.Event, tick: float = MAX_WAIT, jobs: list[Job] | None = None) -> None:
    """Run due jobs until ``stop`` is set (``turn`` after ``turn``)."""
    while not stop.is_set():
        close_old_connections()
        stop.wait(turn(jobs, tick))
    close_old_connections()


_embedded: threading.Thread | None = None


def start_embedded() -> None:
    """Start the loop in a daemon thread of this process (once)."""
    global _embedded
    if _embedded is not None:
        return
    stop = threading.Event()
    _embedded = threading.Thread(target=loop, args=(stop,), name="chatops-worker", daemon=True)
    _embedded.start()
    logger.info("Embedded worker started")
