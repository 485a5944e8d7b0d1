"""``manage.py worker`` lowers its own CPU priority by ``WORKER_NICE``, so on a shared machine
the hub's live path (agents' samples, browsers) comes first: a real worker process, its nice
value read from /proc."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.live import PYTHON, ROOT, live_hub

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def nice_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])  # field 19: nice


def test_the_worker_runs_at_the_configured_lower_priority(tmp_path):
    lower_by = "7"
    with live_hub(tmp_path, processes=0) as hub:
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "worker"],
            cwd=ROOT,
            env={**hub.env, "WORKER_NICE": lower_by},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            assert worker.stdout is not None
            assert "Worker running" in worker.stdout.readline()
            assert nice_of(worker.pid) == min(19, os.nice(0) + int(lower_by))
        finally:
            worker.terminate()
            worker.wait(30)
