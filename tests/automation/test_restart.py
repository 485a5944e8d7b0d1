"""A hub killed mid-run (its embedded worker with it): once it is back, the run ends as
``lost`` with the reason, what ansible left running is stopped and the run's private data
directory is removed. A real hub in its own processes (``tests.live``)."""

from __future__ import annotations

import json
import os
import time
import urllib.request
from pathlib import Path

import pytest

from tests.automation.conftest import PLAYBOOKS
from tests.live import live_hub

pytestmark = pytest.mark.slow

SETUP = """
import json
from accounts.models import User
from accounts.services import issue_tokens
from automation.models import ConnectionProfile
from servers.models import Server, Tag
admin = User.objects.create_superuser('ops', 'ops@example.com', 'a-long-live-test-passphrase')
tag = Tag.objects.create(name='local')
ConnectionProfile.objects.create(tag=tag, connection='local')
server = Server.objects.create(name='web-1', hostname='localhost', status='online', created_by=admin)
server.tags.add(tag)
print(json.dumps({'token': issue_tokens(admin).access_token}))
"""


def _call(hub, method: str, path: str, token: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(  # noqa: S310 - our own hub on 127.0.0.1
        hub.url + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our own hub on 127.0.0.1
        return json.loads(response.read())["data"]


def _until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _processes_in(path: str) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if path.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_a_run_cut_off_by_a_hub_restart_ends_as_lost(tmp_path):
    playbooks = tmp_path / "playbooks"
    playbooks.mkdir()
    (playbooks / "slow.yml").write_text(__import__("textwrap").dedent(PLAYBOOKS["slow.yml"]).lstrip())
    runs = tmp_path / "runs"
    with live_hub(tmp_path, ANSIBLE_PLAYBOOK_DIR=str(playbooks), ANSIBLE_RUNS_DIR=str(runs)) as hub:
        token = json.loads(hub.python(SETUP))["token"]
        started = _call(hub, "POST", "/api/v1/ansible/playbooks/slow.yml/execute", token, {"hosts": ["web-1"]})
        path = f"/api/v1/ansible/executions/{started['execution_id']}"
        _until(lambda: "TASK [Sleep]" in _call(hub, "GET", path, token)["output"], 60, "the run to reach its sleep")
        (private_dir,) = [str(p) for p in runs.iterdir()]
        assert _processes_in(private_dir), "ansible-playbook runs in the private data directory"

        port = hub.ports[0]
        hub.processes[0].kill()  # no goodbye: as a crash or an OOM kill would
        hub.processes[0].wait(timeout=10)
        assert _processes_in(private_dir), "ansible-playbook outlives the hub (it ignores the hang-up)"
        hub.start_daphne(port)

        run = _until(lambda: (r := _call(hub, "GET", path, token))["status"] != "running" and r, 60, "the reaper")
        assert run["status"] == "lost"
        assert "its worker process" in run["reason"] and "is gone" in run["reason"]
        assert "TASK [Sleep]" in run["output"]  # what was written before the crash is kept
        _until(lambda: not _processes_in(private_dir), 15, "ansible's processes to stop")
        # Removed once they have exited (the reaper waits for them), a moment after.
        _until(lambda: not os.path.exists(private_dir), 15, "the private directory to go")
