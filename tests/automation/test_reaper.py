"""The reaper: runs nobody carries any more end, with the reason; runs still carried do not."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from automation import runner
from automation.models import PlaybookRun

pytestmark = pytest.mark.django_db


def claimed(web, claimed_by: str, heartbeat_age: float) -> PlaybookRun:
    now = timezone.now()
    run = PlaybookRun.objects.create(
        playbook="ping.yml", requested_via="api", hosts=["web-1"], claimed_by=claimed_by, started_at=now,
        heartbeat_at=now - timedelta(seconds=heartbeat_age),
    )  # fmt: skip
    run.servers.set([web])
    return run


def test_a_silent_worker_on_another_host_loses_its_runs(web, settings):
    settings.ANSIBLE_HEARTBEAT_TIMEOUT = 60
    silent = claimed(web, "elsewhere.example:4242:abcd1234", heartbeat_age=61)
    alive = claimed(web, "elsewhere.example:4243:abcd1234", heartbeat_age=5)
    assert runner.reap() == 1
    silent.refresh_from_db()
    alive.refresh_from_db()
    assert silent.status == "lost" and "gave no sign of life for 60 s" in silent.reason
    assert silent.finished_at is not None
    assert alive.status == "running"


def test_a_dead_worker_process_on_this_host_loses_its_runs_at_once(web):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(gone.stdout)  # that process has exited
    run = claimed(web, f"{runner.socket.gethostname()}:{pid}:0000beef", heartbeat_age=1)
    assert runner.reap() == 1
    run.refresh_from_db()
    assert run.status == "lost" and f"its worker process ({pid}) is gone" in run.reason


def test_this_processs_run_without_a_runner_ends_failed(web):
    run = claimed(web, runner.WORKER_ID, heartbeat_age=1)
    assert runner.reap() == 1
    run.refresh_from_db()
    assert run.status == "failed" and "runner thread ended without recording an end" in run.reason


def test_a_run_not_yet_claimed_is_left_to_the_workers(web):
    run = PlaybookRun.objects.create(playbook="ping.yml", requested_via="api", hosts=["web-1"])
    assert runner.reap() == 0
    run.refresh_from_db()
    assert run.status == "running"
