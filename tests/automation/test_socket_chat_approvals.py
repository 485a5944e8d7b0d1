"""The live socket of a run, ``/playbook`` in chat, and two-person approval before a run."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from accounts.actor import Actor
from accounts.models import AuditLog
from accounts.services import issue_tokens
from approvals.models import Approval, ApprovalPolicy
from approvals.services import decide
from automation import runner
from automation.models import PlaybookRun
from automation.services import RunRequest, execute_playbook
from chat.models import Message
from tests.automation.conftest import run_to_end
from tests.chat.commanding import answers, room_with, type_in
from tests.factories import UserFactory
from tests.sockets import browser_socket, closed_with, recv

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_runs_output_streams_over_its_socket(operator, viewer, playbook_dir, web, web2, tmp_path):
    asked = RunRequest("hello.yml", ["local"], {"marker": str(tmp_path / "m"), "who": "sockets"})
    run = await sync_to_async(execute_playbook)(Actor.for_user(operator, "api"), asked)
    token = await sync_to_async(lambda: issue_tokens(viewer).access_token)()
    ws = browser_socket(f"/api/v1/ws/ansible/{run.pk}", token)
    assert (await ws.connect())[0]
    try:
        snapshot = await recv(ws)
        assert snapshot["type"] == "ansible.snapshot" and snapshot["status"] == "running" and snapshot["output"] == ""
        await sync_to_async(runner.start_runs)()
        frames = []
        while True:
            frame = await recv(ws, timeout=60)
            frames.append(frame)
            if frame["type"] == "ansible.status" and frame["status"] != "running":
                break
        outputs = [f for f in frames if f["type"] == "ansible.output"]
        text = "\n".join(f["stdout"] for f in outputs)
        assert "hello sockets from web-1" in text and "hello sockets from web-2" in text and "PLAY RECAP" in text
        counters = [f["counter"] for f in outputs]
        assert counters == sorted(counters) and len(set(counters)) == len(counters)
        assert {f["host"] for f in outputs if f["event"] == "runner_on_ok"} == {"web-1", "web-2"}
        final = frames[-1]
        assert final["status"] == "successful" and final["tasks_total"] == 4
        assert final["host_stats"]["web-2"]["changed"] == 1
    finally:
        await ws.disconnect()
    await sync_to_async(runner.wait)(run.pk, 30)


async def test_the_socket_refuses_the_unknown_and_the_anonymous(viewer, playbook_dir):
    token = await sync_to_async(lambda: issue_tokens(viewer).access_token)()
    ws = browser_socket("/api/v1/ws/ansible/999999", token)
    await ws.connect()
    assert await closed_with(ws) == 4404
    ws = browser_socket("/api/v1/ws/ansible/999999", None)
    await ws.connect()
    assert await closed_with(ws) == 4401


def test_playbook_in_chat_runs_and_posts_the_result_in_the_thread(operator, playbook_dir, web, tmp_path):
    room = room_with(operator)
    command = type_in(operator, room, f"/playbook hello.yml hosts=web-1 who=chat marker={tmp_path / 'c'}")
    (reply,) = answers(command)
    assert "Started **hello.yml** on web-1" in reply.content, reply.content
    run = PlaybookRun.objects.get()
    assert run.requested_via == "chat" and run.variables["who"] == "chat" and run.origin["room"] == room.pk
    run = run_to_end(run.pk)
    assert run.status == "successful"
    posted = Message.objects.filter(thread=command, data__playbook_run=run.pk).get()
    assert "**Playbook hello.yml** (run #" in posted.content and "succeeded" in posted.content
    assert "web-1: ok 2, changed 1" in posted.content
    assert AuditLog.objects.get(action="playbook.run").via == "chat"


def test_playbook_in_chat_refuses_viewers_and_bad_variables(operator, viewer, playbook_dir, web):
    room = room_with(operator, viewer)
    (refused,) = answers(type_in(viewer, room, "/playbook hello.yml hosts=web-1 marker=/dev/null"))
    assert "Refused" in refused.content
    (bad,) = answers(type_in(operator, room, "/playbook hello.yml hosts=web-1 marker=/dev/null replicas=many"))
    assert "replicas" in bad.content and "integer" in bad.content
    assert not PlaybookRun.objects.exists()


def test_an_operators_run_waits_for_approval_then_runs(operator, operator_client, playbook_dir, web, tmp_path):
    ApprovalPolicy.objects.update_or_create(kind="playbook", defaults={"required": True})
    body = {"hosts": ["web-1"], "variables": {"marker": str(tmp_path / "approved")}}
    response = operator_client.post("/api/v1/ansible/playbooks/hello.yml/execute", body, format="json")
    assert response.status_code == 202
    approval = Approval.objects.get(pk=response.json()["data"]["id"])
    assert approval.kind == "playbook" and approval.status == "pending"
    assert not PlaybookRun.objects.exists() and not (tmp_path / "approved").exists()

    second = UserFactory.create(username="olga", role="operator")
    decided = decide(Actor.for_user(second, "api"), approval, approve=True)
    assert decided.status == "approved" and decided.result["status"] == "running"
    run = run_to_end(decided.result["execution_id"])
    assert run.status == "successful" and run.approval_id == approval.pk and run.requested_by == operator
    assert (tmp_path / "approved").exists()
    assert AuditLog.objects.filter(action="playbook.run").count() == 1


def test_admins_need_no_approval(admin_client, playbook_dir, web):
    ApprovalPolicy.objects.update_or_create(kind="playbook", defaults={"required": True})
    response = admin_client.post("/api/v1/ansible/playbooks/ping.yml/execute", {"hosts": ["web-1"]}, format="json")
    assert response.json()["data"]["status"] == "running"
    assert not Approval.objects.exists()
    PlaybookRun.objects.all().delete()


def test_hosts_can_be_named_by_tag_and_all(operator, playbook_dir, web, web2):
    actor = Actor.for_user(operator, "api")
    assert execute_playbook(actor, RunRequest("ping.yml", ["all"], {})).hosts == ["web-1", "web-2"]
    assert execute_playbook(actor, RunRequest("ping.yml", ["LOCAL"], {})).hosts == ["web-1", "web-2"]
    assert execute_playbook(actor, RunRequest("ping.yml", ["localhost"], {})).hosts == ["web-1"]


def test_playbook_in_chat_waits_for_approval_and_posts_the_result_in_its_thread(operator, playbook_dir, web, tmp_path):
    ApprovalPolicy.objects.update_or_create(kind="playbook", defaults={"required": True})
    room = room_with(operator)
    command = type_in(operator, room, f"/playbook hello.yml hosts=web-1 marker={tmp_path / 'later'}")
    replies = answers(command)
    assert any("Waiting for approval #" in m.content for m in replies), [m.content for m in replies]
    approval = Approval.objects.get(kind="playbook")
    assert not PlaybookRun.objects.exists()
    second = UserFactory.create(username="olga", role="operator")
    decided = decide(Actor.for_user(second, "api"), approval, approve=True)
    run = run_to_end(decided.result["execution_id"])
    assert run.status == "successful" and run.requested_via == "chat" and run.origin["room"] == room.pk
    assert Message.objects.filter(thread=command, data__playbook_run=run.pk).exists()
