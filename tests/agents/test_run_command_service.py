"""``run_command`` called directly (a chat command, a job: no request) leaves the same history
row and audit entry as the REST route, and meets the same role rule."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.exceptions import PermissionDenied

from accounts.actor import Actor
from accounts.models import AuditLog
from agents import services
from agents.api.serializers import ContainerSerializer
from agents.models import CommandHistory
from servers.choices import ServerStatus
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db

ROW_FIELDS = ("server_id", "requested_by_id", "api_key_id", "kind", "command", "timeout", "status", "reason")


def row(history: CommandHistory) -> tuple[Any, ...]:
    return tuple(getattr(history, name) for name in ROW_FIELDS)


def audit(history: CommandHistory) -> tuple[Any, ...]:
    entry = history.audit_entry
    assert entry is not None
    details = {**entry.details, "history_id": "-"}
    return (entry.action, entry.actor_id, entry.api_key_id, entry.actor_label, entry.via, entry.target_id, details,
            entry.ip_address, entry.user_agent)  # fmt: skip


def test_run_command_without_a_request_records_what_the_rest_route_records(operator_client, operator, server):
    assert_error(operator_client.post(f"/api/v1/commands/{server.pk}", {"command": "uptime"}, format="json"), 409)
    with pytest.raises(services.AgentOffline) as raised:
        services.run_command(Actor.for_user(operator, "api", ip="127.0.0.1"), server, "uptime", timeout=30)
    over_rest, direct = CommandHistory.objects.order_by("id")
    assert raised.value.history == direct
    assert row(direct) == row(over_rest) and direct.status == "agent_offline"
    assert audit(direct) == audit(over_rest)


def test_a_command_sent_without_waiting_is_the_same_either_way(operator_client, operator, server):
    server.status = ServerStatus.ONLINE
    server.save()
    body = {"command": "uptime", "wait": False}
    assert_ok(operator_client.post(f"/api/v1/commands/{server.pk}", body, format="json"), 202)
    history = services.run_command(Actor.for_user(operator, "api", ip="127.0.0.1"), server, "uptime", wait=False)
    over_rest = CommandHistory.objects.exclude(pk=history.pk).get()
    assert row(history) == row(over_rest) and history.status == "pending"
    assert audit(history) == audit(over_rest)


def test_from_a_chat_room_the_audit_says_chat(operator, server):
    with pytest.raises(services.AgentOffline):
        services.run_command(Actor.for_user(operator, "chat"), server, "uptime")
    assert AuditLog.objects.get(action="command.run").via == "chat"


def test_a_viewer_may_not_run_commands_whatever_the_way_in(viewer, server):
    with pytest.raises(PermissionDenied):
        services.run_command(Actor.for_user(viewer, "chat"), server, "uptime")
    assert not CommandHistory.objects.exists() and not AuditLog.objects.filter(action="command.run").exists()


def test_the_container_fields_are_the_serializers():
    assert tuple(ContainerSerializer().fields) == services.CONTAINER_FIELDS
