"""Deciding: another operator or an admin, never the requester; once, while pending and in
time; an approval runs the request as the requester (with a real agent), a denial does not."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.db import connection, connections
from django.utils import timezone
from rest_framework.exceptions import APIException, PermissionDenied

from accounts.models import AuditLog
from accounts.services import create_api_key
from agents import services as agents
from agents.models import CommandHistory
from approvals import services
from approvals.models import Approval
from approvals.services import ApprovalPending, decide, expire_due
from tests.approvals.conftest import api
from tests.helpers import assert_error, assert_ok
from tests.sockets import connect_agent, recv, send
from tests.threads import off_the_loop
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def ask(user, server, command="uptime"):
    with pytest.raises(ApprovalPending) as raised:
        agents.run_command(api(user), server, command, timeout=10)
    return raised.value.approval


@pytest.fixture
def pending(operator, server, run_required):
    return ask(operator, server)


def decision(client, approval, verb, body=None):
    return client.post(f"/api/v1/approvals/{approval.pk}/{verb}", {} if body is None else body, format="json")


def webhook_data(event):
    return [json.loads(d.body)["data"] for d in Delivery.objects.filter(event=event).order_by("id")]


class TestWhoDecides:
    def test_the_requester_may_not_approve_their_own_request(self, operator_client, pending):
        body = assert_error(decision(operator_client, pending, "approve"), 403, "own_request")
        assert "another operator or an admin" in body["detail"]
        pending.refresh_from_db()
        assert pending.status == "pending" and not CommandHistory.objects.exists()

    def test_nor_deny_it(self, operator_client, pending):
        assert_error(decision(operator_client, pending, "deny"), 403, "own_request")

    def test_a_viewer_may_not_decide(self, viewer, pending):
        with pytest.raises(PermissionDenied):
            decide(api(viewer), pending, approve=True)
        pending.refresh_from_db()
        assert pending.status == "pending"

    def test_an_admin_requesters_own_is_never_asked(self, admin, server, run_required):
        with pytest.raises(agents.AgentOffline):
            agents.run_command(api(admin), server, "uptime")


class TestDeny:
    def test_another_operator_denies_and_nothing_runs(self, client_for, other_operator, operator, pending, hook):
        response = decision(client_for(other_operator), pending, "deny", {"comment": "not on a Friday"})
        data = assert_ok(response)
        assert response.json()["message"] == "Request denied"
        assert (data["status"], data["comment"]) == ("denied", "not on a Friday")
        assert data["decided_by"] == {"id": other_operator.pk, "username": other_operator.username}
        assert data["decided_at"] is not None
        assert not CommandHistory.objects.exists()
        entry = AuditLog.objects.get(action="approval.denied")
        assert (entry.actor, entry.target_id) == (other_operator, str(pending.pk))
        assert entry.details["requested_by"] == operator.username and entry.details["comment"] == "not on a Friday"
        assert [d["status"] for d in webhook_data("approval.decided")] == ["denied"]
        assert webhook_data("approval.decided")[0]["decided_by"] == other_operator.username

    def test_a_decided_request_is_409(self, client_for, other_operator, admin_client, pending):
        assert_ok(decision(client_for(other_operator), pending, "deny"))
        assert_error(decision(admin_client, pending, "approve"), 409, "not_pending")
        assert_error(decision(admin_client, pending, "deny"), 409, "not_pending")
        assert not CommandHistory.objects.exists()

    @pytest.mark.parametrize("body", [{"comment": 5}, {"comment": "x" * 501}, [], "x"])
    def test_bad_input_is_400_and_decides_nothing(self, admin_client, pending, body):
        assert_error(decision(admin_client, pending, "deny", body), 400)
        pending.refresh_from_db()
        assert pending.status == "pending"


class TestExpiry:
    def past(self, approval):
        Approval.objects.filter(pk=approval.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    def test_a_late_decision_is_409_and_the_request_expires(self, admin_client, pending, hook):
        self.past(pending)
        body = assert_error(decision(admin_client, pending, "approve"), 409, "expired")
        assert "expired" in body["detail"]
        pending.refresh_from_db()
        assert pending.status == "expired" and pending.decided_by is None
        assert not CommandHistory.objects.exists()
        assert AuditLog.objects.get(action="approval.expired").via == "worker"
        assert [d["status"] for d in webhook_data("approval.decided")] == ["expired"]

    def test_the_job_expires_what_is_due_and_nothing_else(self, operator, server, run_required, pending):
        later = ask(operator, server, "hostname")
        self.past(pending)
        assert expire_due() == 1
        pending.refresh_from_db()
        later.refresh_from_db()
        assert (pending.status, later.status) == ("expired", "pending")
        assert expire_due() == 0
        assert AuditLog.objects.filter(action="approval.expired").count() == 1

    def test_the_job_is_registered(self):
        from chatops import registry

        assert registry.jobs.get("approvals.expire").run is expire_due


class TestApproveWithoutAnAgent:
    def test_an_approved_command_that_cannot_run_is_failed_with_its_row(self, admin_client, admin, operator, pending):
        response = decision(admin_client, pending, "approve", {"comment": "go"})
        data = assert_ok(response)
        assert response.json()["message"] == "Approved, but it failed to run"
        history = CommandHistory.objects.get()
        assert data["status"] == "failed" and "not connected" in data["error"]
        assert data["result"] == {"history_id": history.pk, "status": "agent_offline"}
        # It ran as the requester, marked with the approval.
        assert history.requested_by == operator
        entry = AuditLog.objects.get(action="command.run")
        assert entry.actor == operator and entry.details["origin"] == {"approval": pending.pk}
        assert AuditLog.objects.get(action="approval.approved").actor == admin
        assert AuditLog.objects.get(action="approval.failed").details["kind"] == "run"

    def test_a_requester_since_disabled_is_not_acted_for(self, admin, operator, pending):
        operator.is_active = False
        operator.save()
        approval = decide(api(admin), pending, approve=True)
        assert approval.status == "failed" and "disabled" in approval.error
        assert not CommandHistory.objects.exists()

    def test_a_requester_since_demoted_is_refused_by_the_command_rule(self, admin, operator, pending):
        operator.role = "viewer"
        operator.save()
        approval = decide(api(admin), pending, approve=True)
        assert approval.status == "failed" and "operators and admins" in approval.error
        assert not CommandHistory.objects.exists()

    def test_a_revoked_key_is_not_acted_for(self, admin, operator, server, run_required):
        from accounts.actor import Actor
        from accounts.services import revoke_api_key

        key, _ = create_api_key(None, operator, name="script", scopes=["commands:write"])
        with pytest.raises(ApprovalPending) as raised:
            agents.run_command(Actor.for_user(operator, "api", api_key=key), server, "uptime")
        revoke_api_key(api(operator), key)
        approval = decide(api(admin), raised.value.approval, approve=True)
        assert approval.status == "failed" and "no longer valid" in approval.error


@pytest.mark.django_db(transaction=True)
class TestApproveWithARealAgent:
    async def test_another_operator_approves_and_the_command_runs_as_the_requester(
        self, client_for, other_operator, operator, server, admin, run_required, hook
    ):
        _, raw = await database_sync_to_async(create_api_key)(None, admin, name="agent", server=server)
        ws, _ = await connect_agent(raw)
        approval = await database_sync_to_async(ask)(operator, server, "df -h /")
        assert not await database_sync_to_async(CommandHistory.objects.exists)()
        second = await database_sync_to_async(client_for)(other_operator)
        call = asyncio.ensure_future(off_the_loop(decision, second, approval, "approve"))
        frame = await recv(ws, timeout=10)
        assert (frame["type"], frame["command"]) == ("command", "df -h /")
        result = {
            "type": "command.result", "status": "succeeded", "exit_code": 0, "stdout": "/dev/sda1 50%\n",
            "stderr": "", "stdout_truncated": False, "stderr_truncated": False, "duration_ms": 4,
        }  # fmt: skip
        await send(ws, {"type": "command.accepted", "id": frame["id"]})
        await send(ws, {**result, "id": frame["id"]})
        response = await asyncio.wait_for(call, 30)
        data = assert_ok(response)
        assert data["status"] == "approved" and data["error"] == ""
        history_id = data["result"]["history_id"]
        for _ in range(100):
            history = await database_sync_to_async(CommandHistory.objects.select_related("requested_by").get)(
                pk=history_id
            )
            if history.status == "succeeded":
                break
            await asyncio.sleep(0.05)
        await ws.disconnect()
        assert (history.status, history.stdout, history.requested_by) == ("succeeded", "/dev/sda1 50%\n", operator)
        stored = await database_sync_to_async(Approval.objects.get)(pk=approval.pk)
        assert stored.result["history_id"] == history_id and stored.decided_by_id == other_operator.pk
        actions = await database_sync_to_async(
            lambda: list(AuditLog.objects.order_by("id").values_list("action", "actor_id"))
        )()
        assert [a for a in actions if a[0].startswith(("approval.", "command."))] == [
            ("approval.requested", operator.pk),
            ("approval.approved", other_operator.pk),
            ("command.run", operator.pk),
        ]
        decided = await database_sync_to_async(webhook_data)("approval.decided")
        assert [(d["status"], d["decided_by"]) for d in decided] == [("approved", other_operator.username)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL (DATABASE_URL)")
def test_two_deciders_at_once_one_wins_and_the_other_gets_409(admin, other_operator, operator, server, run_required):
    approval = ask(operator, server)
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}
    original = services._record_decision

    def slow_record(*args, **kwargs):
        original(*args, **kwargs)
        threading.Event().wait(0.3)  # hold the lock while the other decider waits on it

    def decider(name, user):
        try:
            barrier.wait()
            outcomes[name] = decide(api(user), approval, approve=False).status
        except APIException as exc:
            outcomes[name] = (exc.status_code, exc.get_codes())
        finally:
            connections.close_all()

    services._record_decision = slow_record
    try:
        threads = [threading.Thread(target=decider, args=(n, u)) for n, u in (("a", admin), ("b", other_operator))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    finally:
        services._record_decision = original
    assert sorted(map(str, outcomes.values())) == sorted(["denied", str((409, "not_pending"))]), outcomes
    assert AuditLog.objects.filter(action="approval.denied").count() == 1


class TestAClientsRequest:
    def test_an_approved_request_of_a_client_runs_and_is_audited_as_that_client(self, admin, server, run_required):
        from accounts.actor import Actor
        from clients.services import register_client

        client, _key = register_client(api(admin), name="deployer", role="operator")
        acting = Actor(user=client.user, via="api", label=client.actor_label, client_id=client.pk)
        with pytest.raises(ApprovalPending) as raised:
            agents.run_command(acting, server, "uptime", timeout=10)
        decide(api(admin), raised.value.approval, approve=True)
        entry = AuditLog.objects.get(action="command.run")
        assert entry.actor == client.user
        assert entry.actor_label == client.actor_label and entry.details["client_id"] == client.pk
        assert entry.details["origin"] == {"approval": raised.value.approval.pk}
