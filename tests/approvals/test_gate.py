"""When a request waits for a second person: operators' commands and container restarts and
stops, when the kind's policy says so; admins and the hub itself never; viewers are refused
as before."""

from __future__ import annotations

import json

import pytest
from rest_framework.exceptions import PermissionDenied

from accounts.actor import Actor
from accounts.models import AuditLog
from agents import services as agents
from agents.models import CommandHistory
from approvals.models import Approval, ApprovalPolicy
from approvals.services import ApprovalPending, gate
from tests.approvals.conftest import api
from tests.helpers import assert_error, assert_ok
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def url(server):
    return f"/api/v1/commands/{server.pk}"


def test_every_kind_has_a_policy_and_it_is_off():
    assert dict(ApprovalPolicy.objects.values_list("kind", "required")) == {
        "run": False, "restart": False, "stop": False, "playbook": False, "k8s_restart": False,
    }  # fmt: skip


def test_with_the_policy_off_an_operators_command_runs_at_once(operator_client, server):
    # The server is offline: the command was tried (409 agent_offline, a history row), not held.
    assert_error(operator_client.post(url(server), {"command": "uptime"}, format="json"), 409, "agent_offline")
    assert CommandHistory.objects.count() == 1 and not Approval.objects.exists()


def test_with_the_policy_on_an_operators_command_waits(operator_client, operator, server, run_required, hook):
    response = operator_client.post(url(server), {"command": "df -h /", "timeout": 20}, format="json")
    data = assert_ok(response, 202)
    assert response.json()["message"] == "Waiting for a second person's approval"
    approval = Approval.objects.get()
    assert data["id"] == approval.pk and data["status"] == "pending" and data["kind"] == "run"
    assert data["requested_by"] == {"id": operator.pk, "username": operator.username}
    assert data["payload"] == {"server_id": server.pk, "server_name": server.name, "command": "df -h /", "timeout": 20}
    assert data["summary"] == f"Run `df -h /` on {server.name}"
    assert (approval.expires_at - approval.created_at).total_seconds() == 15 * 60
    assert not CommandHistory.objects.exists(), "nothing ran"
    entry = AuditLog.objects.get(action="approval.requested")
    assert (entry.actor, entry.via, entry.target_id) == (operator, "api", str(approval.pk))
    delivery = json.loads(Delivery.objects.get(event="approval.requested").body)
    assert (delivery["data"]["id"], delivery["data"]["status"]) == (approval.pk, "pending")


def test_the_expiry_is_a_setting(operator, server, run_required, settings):
    settings.APPROVAL_EXPIRY_MINUTES = 3
    with pytest.raises(ApprovalPending) as pending:
        agents.run_command(api(operator), server, "uptime")
    approval = pending.value.approval
    assert (approval.expires_at - approval.created_at).total_seconds() == 180


def test_an_admin_runs_at_once_whatever_the_policy(admin_client, server, run_required):
    assert_error(admin_client.post(url(server), {"command": "uptime"}, format="json"), 409, "agent_offline")
    assert not Approval.objects.exists()


def test_the_hub_itself_is_exempt(server, run_required):
    with pytest.raises(agents.AgentOffline):
        agents.run_command(Actor.system(), server, "uptime")
    assert not Approval.objects.exists()


def test_a_viewer_is_refused_and_asks_nobody(viewer, server, run_required):
    with pytest.raises(PermissionDenied):
        agents.run_command(Actor.for_user(viewer, "chat"), server, "uptime")
    assert not Approval.objects.exists()


def test_a_key_without_the_scope_is_refused_before_asking(operator, server, run_required):
    from accounts.services import create_api_key

    key, _ = create_api_key(None, operator, name="k", scopes=["servers:read"])
    with pytest.raises(PermissionDenied):
        agents.run_command(Actor.for_user(operator, "api", api_key=key), server, "uptime")
    assert not Approval.objects.exists()


def test_only_the_kinds_switched_on_wait(operator_client, server, require):
    require("stop")
    containers = f"/api/v1/docker/{server.pk}/containers/web"
    assert_error(operator_client.post(f"{containers}/restart"), 409, "agent_offline")
    assert_error(operator_client.post(url(server), {"command": "uptime"}, format="json"), 409, "agent_offline")
    data = assert_ok(operator_client.post(f"{containers}/stop"), 202)
    assert (data["kind"], data["payload"]["container"]) == ("stop", "web")
    assert data["summary"] == f"Stop container web on {server.name}"


@pytest.mark.parametrize("action", ["restart", "stop"])
def test_container_restart_and_stop_wait(operator_client, server, run_required, action):
    response = operator_client.post(f"/api/v1/docker/{server.pk}/containers/db-1/{action}")
    assert assert_ok(response, 202)["kind"] == action
    assert not CommandHistory.objects.exists()


def test_starting_a_container_never_waits(operator_client, server, run_required):
    assert_error(operator_client.post(f"/api/v1/docker/{server.pk}/containers/db-1/start"), 409, "agent_offline")
    assert not Approval.objects.exists()


def test_from_chat_the_origin_is_kept(operator, server, run_required):
    actor = Actor.for_user(operator, "chat").within(room=3, room_name="ops", message=41)
    with pytest.raises(ApprovalPending) as pending:
        agents.run_command(actor, server, "uptime")
    approval = pending.value.approval
    assert (approval.requested_via, approval.origin) == ("chat", {"room": 3, "room_name": "ops", "message": 41})
    assert AuditLog.objects.get(action="approval.requested").details["origin"]["room"] == 3


def test_gate_returns_when_nothing_is_needed(operator, admin):
    gate(api(operator), "run", {}, "x")  # policy off
    ApprovalPolicy.objects.filter(kind="run").update(required=True)
    gate(api(admin), "run", {}, "x")
    assert not Approval.objects.exists()
    with pytest.raises(ApprovalPending) as pending:
        gate(api(operator), "run", {"server_id": None}, "Run it")
    assert str(pending.value) == f"Waiting for a second person's approval (approval {pending.value.approval.pk})."
