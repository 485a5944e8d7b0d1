"""Commands that reach their final status queue ``command.completed`` in the same transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AuditLog
from agents.models import CommandHistory
from agents.remote import apply_answer, expire_stale
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(hook_to):
    return hook_to("https://1.1.1.1/hook", ["command.completed"])


@pytest.fixture
def running(server, operator):
    entry = AuditLog.objects.create(action="command.run", details={})
    return CommandHistory.objects.create(
        server=server, requested_by=operator, command="uptime", status="running", audit_entry=entry
    )


RESULT = {
    "type": "command.result", "status": "failed", "exit_code": 3, "stdout": "out", "stderr": "err",
    "stdout_truncated": False, "stderr_truncated": False, "duration_ms": 12,
}  # fmt: skip


def test_a_result_queues_command_completed_with_its_payload(subscribed, server, operator, running):
    apply_answer(server.pk, {**RESULT, "history_id": running.pk})
    running.refresh_from_db()
    delivery = Delivery.objects.get()
    assert (delivery.webhook, delivery.event, delivery.status) == (subscribed, "command.completed", "pending")
    payload = delivery.payload
    assert payload["event"] == "command.completed"
    assert payload["data"] == {
        "history_id": running.pk,
        "server_id": server.pk,
        "server_name": server.name,
        "command": "uptime",
        "status": "failed",
        "exit_code": 3,
        "requested_by": operator.username,
        "finished_at": running.finished_at.isoformat().replace("+00:00", "Z"),
    }


def test_a_step_that_is_not_final_queues_nothing(subscribed, server, running):
    CommandHistory.objects.filter(pk=running.pk).update(status="sent")
    apply_answer(server.pk, {"type": "command.accepted", "history_id": running.pk})
    assert not Delivery.objects.exists()


def test_a_rejection_and_an_answer_after_the_end_queue_it_once(subscribed, server, running):
    apply_answer(server.pk, {"type": "command.rejected", "history_id": running.pk, "reason": "not allowed"})
    apply_answer(server.pk, {**RESULT, "history_id": running.pk})
    assert Delivery.objects.get().payload["data"]["status"] == "rejected"


def test_an_expired_command_queues_it(subscribed, server, running):
    CommandHistory.objects.filter(pk=running.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert expire_stale() == 1
    data = Delivery.objects.get().payload["data"]
    assert (data["status"], data["exit_code"]) == ("timed_out", None)


def test_a_command_to_an_offline_agent_queues_it(subscribed, operator_client, server):
    operator_client.post(f"/api/v1/commands/{server.pk}", {"command": "uptime"}, format="json")
    assert Delivery.objects.get().payload["data"]["status"] == "agent_offline"


def test_docker_actions_do_not_send_it(subscribed, server, operator):
    history = CommandHistory.objects.create(
        server=server, requested_by=operator, kind="docker", action="restart", container="web", status="sent"
    )
    apply_answer(server.pk, {"type": "docker.result", "history_id": history.pk, "ok": True, "data": {}, "error": ""})
    assert CommandHistory.objects.get(pk=history.pk).status == "succeeded"
    assert not Delivery.objects.exists()


def test_without_subscribers_nothing_is_queued(hook_to, server, running):
    hook_to("https://1.1.1.1/hook", ["alert.created"])
    apply_answer(server.pk, {**RESULT, "history_id": running.pk})
    assert not Delivery.objects.exists()
