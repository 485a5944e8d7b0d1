"""Real playbook runs end to end: REST in, ansible-runner in the worker's job, the row, the
audit entry, the webhook and the stats out. Each run takes ~2 s, so one run serves several
assertions where they are about the same run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from accounts.models import AuditLog
from automation import runner
from automation.choices import Connection
from automation.models import ConnectionProfile, PlaybookRun
from servers.choices import ServerStatus
from tests.automation.conftest import run_to_end
from tests.factories import ServerFactory
from tests.helpers import assert_error
from webhooks.models import Delivery, Webhook

pytestmark = pytest.mark.django_db(transaction=True)

KEY = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAtest-only-not-a-real-key-material-0123\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)


@pytest.fixture
def hooks(admin):
    return Webhook.objects.create(
        url="http://127.0.0.1:9/hook", events=["playbook.completed", "playbook.failed"], secret="s3cret-for-tests",
        created_by=admin,
    )  # fmt: skip


def execute(client, name, **body):
    return client.post(f"/api/v1/ansible/playbooks/{name}/execute", body, format="json")


def test_a_playbook_runs_on_the_fleet_and_reports_per_host(
    operator_client, viewer_client, playbook_dir, web, web2, hooks, tmp_path
):
    marker = tmp_path / "touched"
    response = execute(operator_client, "hello.yml", hosts=["local"], variables={"marker": str(marker), "who": "ops"})
    assert response.status_code == 202, response.content
    data = response.json()["data"]
    assert data["status"] == "running" and data["hosts"] == ["web-1", "web-2"] and data["skipped_hosts"] == []
    run = run_to_end(data["execution_id"])

    assert run.status == "successful" and run.rc == 0 and marker.exists()
    detail = viewer_client.get(f"/api/v1/ansible/executions/{run.pk}").json()["data"]
    assert detail["host_stats"] == {
        "web-1": {"ok": 2, "changed": 1, "failed": 0, "unreachable": 0, "skipped": 0},
        "web-2": {"ok": 2, "changed": 1, "failed": 0, "unreachable": 0, "skipped": 0},
    }
    # In task order; within a task, hosts in the order they answered (forks run in parallel).
    assert [t["task"] for t in detail["tasks"]] == ["Greet", "Greet", "Touch a file", "Touch a file"]
    assert sorted((t["task"], t["host"], t["status"]) for t in detail["tasks"]) == [
        ("Greet", "web-1", "ok"), ("Greet", "web-2", "ok"),
        ("Touch a file", "web-1", "changed"), ("Touch a file", "web-2", "changed"),
    ]  # fmt: skip
    assert (detail["tasks_total"], detail["tasks_successful"], detail["tasks_failed"]) == (4, 4, 0)
    assert "hello ops from web-1" in detail["output"] and "PLAY RECAP" in detail["output"]
    assert detail["output_truncated"] is False and detail["duration"] > 0
    assert detail["variables"] == {"who": "ops", "marker": str(marker), "level": "low"}

    history = viewer_client.get("/api/v1/ansible/playbooks", {"playbook": "hello.yml", "status": "successful"})
    (row,) = history.json()["data"]
    assert row["id"] == run.pk and row["hosts"] == ["web-1", "web-2"] and row["tasks_total"] == 4
    assert viewer_client.get("/api/v1/ansible/playbooks", {"status": "failed"}).json()["data"] == []
    assert viewer_client.get("/api/v1/ansible/playbooks", {"server": web.pk}).json()["data"][0]["id"] == run.pk

    (entry,) = AuditLog.objects.filter(action="playbook.run")
    assert entry.target_id == str(run.pk) and entry.details["hosts"] == ["web-1", "web-2"]
    assert entry.details["variables"] == ["level", "marker", "who"]  # names, never values
    (delivery,) = Delivery.objects.filter(webhook=hooks)
    assert delivery.event == "playbook.completed"
    body = json.loads(delivery.body)
    assert body["data"]["execution_id"] == run.pk and body["data"]["status"] == "successful"
    # The private data directory (inventory, artefacts) is gone once the run ended.
    assert list((tmp_path / "runs").iterdir()) == []


def test_a_failing_task_fails_the_run_and_names_the_task(operator_client, playbook_dir, web, hooks):
    response = execute(operator_client, "broken.yml", hosts=["web-1"])
    run = run_to_end(response.json()["data"]["execution_id"])
    assert run.status == "failed" and run.rc == 2
    assert "This fails" in run.reason and "the task failed as written" in run.reason
    assert run.host_stats["web-1"] == {"ok": 1, "changed": 0, "failed": 1, "unreachable": 0, "skipped": 0}
    assert [t["status"] for t in run.task_results] == ["ok", "failed"]
    assert (run.tasks_total, run.tasks_successful, run.tasks_failed) == (2, 1, 1)
    assert "Never reached" not in run.output
    assert Delivery.objects.get(webhook=hooks).event == "playbook.failed"


def test_an_unreachable_host_is_reported_and_its_key_never_lands_anywhere(operator_client, admin, playbook_dir, web):
    far = ServerFactory(name="far-1", hostname="127.0.0.1", status=ServerStatus.ONLINE, created_by=admin)
    # SSH to a closed port: refused at once.
    ConnectionProfile.objects.create(
        server=far, connection=Connection.SSH, ssh_user="deploy", ssh_port=1, private_key=KEY
    )
    response = execute(operator_client, "ping.yml", hosts=["web-1", "far-1"])
    run = run_to_end(response.json()["data"]["execution_id"])

    assert run.status == "failed" and "Unreachable: task 'Ping' on far-1" in run.reason
    assert run.host_stats["far-1"] == {"ok": 0, "changed": 0, "failed": 0, "unreachable": 1, "skipped": 0}
    assert run.host_stats["web-1"] == {"ok": 1, "changed": 0, "failed": 0, "unreachable": 0, "skipped": 0}
    assert sorted((t["host"], t["status"]) for t in run.task_results) == [("far-1", "unreachable"), ("web-1", "ok")]
    # The key: encrypted in its column, in no output, result, audit entry or file left behind.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT private_key FROM automation_connectionprofile WHERE server_id = %s", [far.pk])
        (stored,) = cursor.fetchone()
    assert "OPENSSH" not in stored and stored.startswith("gAAAAA")
    secret = "test-only-not-a-real-key-material"
    assert secret not in run.output and secret not in str(run.task_results) and secret not in run.reason
    assert not any(secret in str(a.details) for a in AuditLog.objects.all())
    assert not Path(run.private_dir).exists()


def test_check_mode_changes_nothing(operator_client, playbook_dir, web, tmp_path):
    marker = tmp_path / "not-touched"
    response = execute(operator_client, "hello.yml", hosts=["web-1"], variables={"marker": str(marker)}, check=True)
    run = run_to_end(response.json()["data"]["execution_id"])
    assert run.status == "successful" and run.check_mode
    assert not marker.exists()
    assert run.host_stats["web-1"]["changed"] == 1  # what it would have changed


@pytest.mark.parametrize(
    ("variables", "field", "message"),
    [
        ({}, "marker", "required"),
        ({"marker": "/nonexistent/x", "ansible_connection": "local"}, "ansible_connection", "not a variable"),
        ({"marker": "/nonexistent/x", "level": "extreme"}, "level", "one of low, high"),
        ({"marker": "/nonexistent/x", "replicas": "three"}, "replicas", "integer"),
        ({"marker": ["a"]}, "marker", "string"),
    ],
)
def test_variables_are_checked_against_the_schema_before_a_run(
    operator_client, playbook_dir, web, variables, field, message
):
    response = execute(operator_client, "hello.yml", hosts=["web-1"], variables=variables)
    assert_error(response, 400)
    assert any(field in e["field"] and message in e["message"] for e in response.json()["errors"]), response.json()
    assert not PlaybookRun.objects.exists()
    assert not AuditLog.objects.filter(action="playbook.run").exists()


def test_offline_hosts_are_skipped_and_a_run_with_none_left_is_refused(
    operator_client, admin, playbook_dir, web, local_tag
):
    down = ServerFactory(name="down-1", status=ServerStatus.OFFLINE, created_by=admin)
    down.tags.add(local_tag)
    response = execute(operator_client, "hello.yml", hosts=["local"], variables={"marker": "/dev/null"})
    data = response.json()["data"]
    assert data["hosts"] == ["web-1"] and data["skipped_hosts"] == [{"name": "down-1", "reason": "agent offline"}]
    PlaybookRun.objects.all().delete()
    response = execute(operator_client, "hello.yml", hosts=["down-1"], variables={"marker": "/dev/null"})
    assert_error(response, 409, "no_hosts")
    response = execute(operator_client, "hello.yml", hosts=["nowhere"], variables={"marker": "/dev/null"})
    assert_error(response, 400)
    assert not PlaybookRun.objects.exists()


def _until(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_a_hanging_playbook_is_cancelled(operator_client, viewer_client, playbook_dir, web):
    response = execute(operator_client, "slow.yml", hosts=["web-1"])
    run_id = response.json()["data"]["execution_id"]
    runner.start_runs()
    _until(lambda: "TASK [Sleep]" in PlaybookRun.objects.get(pk=run_id).output)
    assert_error(viewer_client.post(f"/api/v1/ansible/executions/{run_id}/cancel"), 403)
    response = operator_client.post(f"/api/v1/ansible/executions/{run_id}/cancel")
    assert response.status_code == 202 and response.json()["data"]["cancel_requested"] is True
    run = run_to_end(run_id, timeout=30)
    assert run.status == "cancelled" and "Cancelled by otto" in run.reason
    assert_error(operator_client.post(f"/api/v1/ansible/executions/{run_id}/cancel"), 409, "not_running")
    assert AuditLog.objects.filter(action="playbook.cancel", target_id=str(run_id)).count() == 1


def test_a_run_not_started_yet_is_cancelled_at_once(operator_client, playbook_dir, web):
    run_id = execute(operator_client, "slow.yml", hosts=["web-1"]).json()["data"]["execution_id"]
    response = operator_client.post(f"/api/v1/ansible/executions/{run_id}/cancel")
    assert response.json()["data"]["status"] == "cancelled"
    assert runner.start_runs() == 0


def test_a_hanging_playbook_times_out(operator_client, playbook_dir, web, settings):
    settings.ANSIBLE_RUN_TIMEOUT = 3
    run_id = execute(operator_client, "slow.yml", hosts=["web-1"]).json()["data"]["execution_id"]
    run = run_to_end(run_id, timeout=30)
    assert run.status == "timeout" and "ANSIBLE_RUN_TIMEOUT (3 s)" in run.reason


def test_output_is_capped_and_marked(operator_client, playbook_dir, web, settings):
    settings.ANSIBLE_OUTPUT_LIMIT = 10_000
    (playbook_dir / "chatty.yml").write_text(
        "- name: Chatty\n  hosts: all\n  gather_facts: false\n  tasks:\n"
        "    - name: Talk\n      ansible.builtin.debug:\n        msg: \"{{ 'x' * 20000 }}\"\n"
    )
    run = run_to_end(execute(operator_client, "chatty.yml", hosts=["web-1"]).json()["data"]["execution_id"])
    assert run.status == "successful" and run.output_truncated
    assert run.output.endswith(runner.TRUNCATED) and len(run.output) <= 10_000 + len(runner.TRUNCATED)


def test_a_variables_value_is_data_never_a_template(operator_client, playbook_dir, web, tmp_path):
    """A template in a value would run on the worker (lookups run on the controller)."""
    sneaky = "{{ lookup('pipe', 'id') }} {{ 6 * 7 }}"
    variables = {"marker": str(tmp_path / "m"), "who": sneaky}
    run = run_to_end(
        execute(operator_client, "hello.yml", hosts=["web-1"], variables=variables).json()["data"]["execution_id"]
    )
    assert run.status == "successful"
    assert f"hello {sneaky} from web-1" in run.output
    assert "uid=" not in run.output and "42" not in run.output
