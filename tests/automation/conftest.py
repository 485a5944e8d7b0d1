"""Real playbooks, run by ansible-runner against this machine (``ansible_connection=local``),
with an inventory of servers the tests create."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from automation import runner
from automation.choices import Connection
from automation.models import ConnectionProfile, PlaybookRun
from servers.choices import ServerStatus
from servers.models import Tag
from tests.factories import ServerFactory

PLAYBOOKS = {
    "hello.yml": """
        - name: Say hello
          hosts: all
          gather_facts: false
          tasks:
            - name: Greet
              ansible.builtin.debug:
                msg: "hello {{ who }} from {{ inventory_hostname }}"
            - name: Touch a file
              ansible.builtin.file:
                path: "{{ marker }}"
                state: touch
                mode: "0600"
              changed_when: true
    """,
    "hello.vars.yml": """
        variables:
          - name: who
            type: string
            default: world
          - name: marker
            type: string
            required: true
          - name: level
            type: choice
            choices: [low, high]
            default: low
          - name: replicas
            type: integer
    """,
    "broken.yml": """
        - name: Fail on purpose
          hosts: all
          gather_facts: false
          tasks:
            - name: First works
              ansible.builtin.debug:
                msg: fine
            - name: This fails
              ansible.builtin.fail:
                msg: "the task failed as written"
            - name: Never reached
              ansible.builtin.debug:
                msg: unreachable
    """,
    "ping.yml": """
        - name: Reach every host
          hosts: all
          gather_facts: false
          tasks:
            - name: Ping
              ansible.builtin.ping:
    """,
    "slow.yml": """
        - name: Take a long time
          hosts: all
          gather_facts: false
          tasks:
            - name: Announce
              ansible.builtin.debug:
                msg: starting
            - name: Sleep
              ansible.builtin.command: sleep 120
    """,
}


@pytest.fixture
def playbook_dir(tmp_path, settings) -> Path:
    base = tmp_path / "playbooks"
    base.mkdir()
    for name, text in PLAYBOOKS.items():
        (base / name).write_text(textwrap.dedent(text).lstrip())
    settings.ANSIBLE_PLAYBOOK_DIR = str(base)
    settings.ANSIBLE_RUNS_DIR = str(tmp_path / "runs")
    return base


@pytest.fixture
def local_tag(db) -> Tag:
    tag = Tag.objects.create(name="local")
    ConnectionProfile.objects.create(tag=tag, connection=Connection.LOCAL)
    return tag


@pytest.fixture
def web(admin, local_tag):
    server = ServerFactory(name="web-1", hostname="localhost", status=ServerStatus.ONLINE, created_by=admin)
    server.tags.add(local_tag)
    return server


@pytest.fixture
def web2(admin, local_tag):
    server = ServerFactory(name="web-2", hostname="127.0.0.1", status=ServerStatus.ONLINE, created_by=admin)
    server.tags.add(local_tag)
    return server


def run_to_end(run_id: int, timeout: float = 60) -> PlaybookRun:
    """Start what is waiting (as the worker's job does) and wait until ``run_id`` ended."""
    deadline = time.monotonic() + timeout
    runner.start_runs()
    assert runner.wait(run_id, timeout), "the run did not end"
    run = PlaybookRun.objects.get(pk=run_id)
    while not run.finished and time.monotonic() < deadline:  # recorded by the runner's thread
        time.sleep(0.05)
        run.refresh_from_db()
    return run
