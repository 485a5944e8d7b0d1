"""Commands and Docker over REST, without an agent: roles, input, offline servers, answers."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from accounts.models import AuditLog
from accounts.services import create_api_key
from agents.models import CommandHistory, ConnectionEvent
from agents.remote import apply_answer, expire_stale
from monitoring.models import ContainerSnapshot
from servers.models import Server
from tests.factories import ServerFactory
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed
from tests.sockets import connect_agent, recv, send
from tests.threads import off_the_loop

pytestmark = pytest.mark.django_db


def url(server, suffix=""):
    return f"/api/v1/commands/{server.pk}{suffix}"


def no_command_was_recorded(outcome):
    assert not CommandHistory.objects.exists()


OPERATORS = allowed("operator", "admin", ok=(409, "agent_offline"))  # past the door: the agent is offline
CONTAINERS = "/api/v1/docker/{server.pk}/containers"
#: Requesters see no server: the server itself is a 404 to them, before any role check.
OPERATORS_ON_A_SERVER = {**OPERATORS, "requester": (404, "not_found")}
ROLES = RoleMatrix(
    Route(
        "POST",
        "/api/v1/commands/{server.pk}",
        body={"command": "uptime"},
        expect=OPERATORS_ON_A_SERVER,
        unchanged=no_command_was_recorded,
    ),
    Route(
        "POST",
        "/api/v1/commands/999999",
        body={"command": "uptime"},
        expect={"operator": 404},
        unchanged=no_command_was_recorded,
    ),
    Route("GET", CONTAINERS, expect={"anonymous": 401}),
    Route("GET", "/api/v1/docker/999999/containers", expect={"operator": 404}),
    *(
        Route("POST", f"{CONTAINERS}/abc/{action}", expect=OPERATORS_ON_A_SERVER)
        for action in ("start", "stop", "restart")
    ),
    Route("POST", f"{CONTAINERS}/-bad-/start", expect={"operator": 404}),
    Route("GET", f"{CONTAINERS}/abc/logs", expect=OPERATORS),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestRunCommand:
    def test_an_offline_agent_is_409_at_once_and_recorded(self, operator_client, operator, server):
        body = assert_error(
            operator_client.post(url(server), {"command": "uptime"}, format="json"), 409, "agent_offline"
        )
        history = CommandHistory.objects.get()
        assert history.status == "agent_offline"
        assert history.requested_by == operator
        assert f"command {history.pk}" in body["detail"]
        entry = AuditLog.objects.get(action="command.run")
        assert entry.details["status"] == "agent_offline"
        assert entry.details["command"] == "uptime"
        assert entry.target_id == str(server.pk)

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"command": ""},
            {"command": "   "},
            {"command": 5},
            {"command": "x" * 4097},
            {"command": "ls", "timeout": 0},
            {"command": "ls", "timeout": 301},
            {"command": "ls", "timeout": "10"},
            {"command": "ls", "wait": "no"},
        ],
    )
    def test_bad_input_is_400_and_records_nothing(self, operator_client, server, body):
        assert_error(operator_client.post(url(server), body, format="json"), 400)
        assert not CommandHistory.objects.exists()


class TestHistory:
    @pytest.fixture
    def history(self, server, operator):
        return [
            CommandHistory.objects.create(server=server, requested_by=operator, command=f"echo {i}", status=s)
            for i, s in enumerate(["succeeded", "failed", "rejected"])
        ]

    @pytest.fixture
    def other_server(self, admin):
        return ServerFactory(created_by=admin)

    ROLES = RoleMatrix(
        Route("GET", "/api/v1/commands/{server.pk}", expect=allowed("operator", "admin")),
        Route("GET", "/api/v1/commands/{server.pk}/{history[0].pk}", expect=allowed("operator", "admin")),
        # The command exists, but not on this server.
        Route("GET", "/api/v1/commands/{other_server.pk}/{history[0].pk}", expect={"operator": 404}),
    )

    @ROLES.parametrize
    def test_roles(self, request, case):
        case.check(request)

    def test_operators_read_the_history_newest_first(self, operator_client, server, history):
        data = assert_ok(operator_client.get(url(server)))
        assert [c["command"] for c in data] == ["echo 2", "echo 1", "echo 0"]
        assert [c["command"] for c in assert_ok(operator_client.get(url(server), {"status": "failed"}))] == ["echo 1"]
        one = assert_ok(operator_client.get(url(server, f"/{history[0].pk}")))
        assert one["status"] == "succeeded"

    def test_bad_filter_is_400(self, operator_client, server):
        assert_error(operator_client.get(url(server), {"status": "exploded"}), 400)


class TestAnswers:
    @pytest.fixture
    def running(self, server, operator):
        entry = AuditLog.objects.create(action="command.run", details={})
        return CommandHistory.objects.create(
            server=server, requested_by=operator, command="uptime", status="sent", audit_entry=entry
        )

    def test_accept_then_result_completes_the_row_and_its_audit_entry(self, server, running):
        event = apply_answer(server.pk, {"type": "command.accepted", "history_id": running.pk})
        assert event == {"type": "command.status", "id": running.pk, "status": "running", "final": False}
        result = {
            "type": "command.result", "history_id": running.pk, "status": "failed", "exit_code": 3,
            "stdout": "out", "stderr": "err", "stdout_truncated": False, "stderr_truncated": True, "duration_ms": 12,
        }  # fmt: skip
        assert apply_answer(server.pk, result)["final"] is True
        running.refresh_from_db()
        assert (running.status, running.exit_code, running.stderr_truncated) == ("failed", 3, True)
        running.audit_entry.refresh_from_db()
        assert running.audit_entry.details["exit_code"] == 3
        assert running.audit_entry.details["status"] == "failed"

    def test_an_agent_cannot_answer_for_another_server(self, server, running, admin):
        other = ServerFactory(created_by=admin)
        assert apply_answer(other.pk, {"type": "command.rejected", "history_id": running.pk, "reason": "x"}) is None
        running.refresh_from_db()
        assert running.status == "sent"

    def test_a_final_row_does_not_change_again(self, server, running):
        apply_answer(server.pk, {"type": "command.rejected", "history_id": running.pk, "reason": "disabled"})
        assert apply_answer(server.pk, {"type": "command.accepted", "history_id": running.pk}) is None
        running.refresh_from_db()
        assert (running.status, running.reason) == ("rejected", "disabled")

    def test_stale_requests_are_closed_by_the_job(self, server, operator):
        old = timezone.now() - timedelta(minutes=10)
        sent = CommandHistory.objects.create(server=server, command="a", status="sent")
        running = CommandHistory.objects.create(server=server, command="b", status="running", timeout=30)
        CommandHistory.objects.filter(pk__in=[sent.pk, running.pk]).update(created_at=old)
        assert expire_stale() == 2
        sent.refresh_from_db()
        running.refresh_from_db()
        assert (sent.status, running.status) == ("agent_offline", "timed_out")


class TestDocker:
    def base(self, server):
        return f"/api/v1/docker/{server.pk}/containers"

    def test_offline_agent_without_a_report_is_409(self, viewer_client, server):
        assert_error(viewer_client.get(self.base(server)), 409, "agent_offline")
        assert CommandHistory.objects.get().action == "list"
        assert AuditLog.objects.filter(action="docker.list").count() == 1

    def test_offline_agent_answers_with_the_last_report_and_its_age(self, viewer_client, server):
        item = {
            "id": "abc", "name": "web", "image": "nginx", "state": "running", "status": "Up", "created": None,
            "ports": [], "cpu_percent": None, "memory_bytes": None, "memory_limit_bytes": None, "extra": "dropped",
        }  # fmt: skip
        ContainerSnapshot.objects.create(
            server=server, reported_at=timezone.now() - timedelta(seconds=42), items=[item]
        )
        data = assert_ok(viewer_client.get(self.base(server)))
        assert data["live"] is False
        assert data["age_seconds"] >= 42
        assert data["containers"][0]["name"] == "web"
        assert "extra" not in data["containers"][0]

    def test_the_reported_list_is_read_without_asking_the_agent(self, viewer_client, server):
        empty = assert_ok(viewer_client.get(self.base(server), {"live": "false"}))
        assert (empty["live"], empty["reported_at"], empty["containers"]) == (False, None, [])
        item = {"id": "abc", "name": "web", "image": "nginx", "state": "running", "status": "Up"}
        ContainerSnapshot.objects.create(server=server, reported_at=timezone.now(), items=[item])
        data = assert_ok(viewer_client.get(self.base(server), {"live": "false"}))
        assert [c["name"] for c in data["containers"]] == ["web"]
        # Nothing was asked of the agent: no history row, no audit entry.
        assert not CommandHistory.objects.exists()
        assert not AuditLog.objects.filter(action="docker.list").exists()
        assert_error(viewer_client.get(self.base(server), {"live": "maybe"}), 400)
        assert_error(viewer_client.get(self.base(server), {"live": ""}), 400)
        assert_error(viewer_client.get("/api/v1/docker/999999/containers", {"live": "false"}), 404)

    def connected(self, server, capabilities):
        details = {"capabilities": capabilities}
        return ConnectionEvent.objects.create(server=server, kind=ConnectionEvent.Kind.CONNECT, details=details)

    def test_an_agent_without_docker_is_not_asked_for_its_containers(self, viewer_client, server):
        self.connected(server, ["metrics", "logs", "commands", "docker"])
        self.connected(server, ["metrics", "logs"])  # restarted without --allow-docker: the latest counts
        data = assert_ok(viewer_client.get(self.base(server)))
        assert (data["live"], data["docker_control"], data["containers"]) == (False, False, [])
        assert "--allow-docker" in data["reason"]
        item = {"id": "abc", "name": "web", "image": "nginx", "state": "exited", "status": "Exited (0)"}
        ContainerSnapshot.objects.create(server=server, reported_at=timezone.now(), items=[item])
        data = assert_ok(viewer_client.get(self.base(server)))
        assert [c["name"] for c in data["containers"]] == ["web"]
        assert not CommandHistory.objects.exists()
        assert not AuditLog.objects.filter(action="docker.list").exists()

    def test_an_agent_that_offered_docker_is_asked(self, viewer_client, server):
        self.connected(server, ["metrics", "logs", "docker"])
        assert assert_ok(viewer_client.get(self.base(server), {"live": "false"}))["docker_control"] is True
        assert_error(viewer_client.get(self.base(server)), 409, "agent_offline")  # asked: it is offline
        assert AuditLog.objects.filter(action="docker.list").count() == 1

    def test_before_any_agent_connected_docker_control_is_unknown(self, viewer_client, server):
        assert assert_ok(viewer_client.get(self.base(server), {"live": "false"}))["docker_control"] is None

    def test_operator_on_an_offline_server_is_409(self, operator_client, server):
        assert_error(operator_client.post(f"{self.base(server)}/abc/restart"), 409, "agent_offline")

    @pytest.mark.parametrize("query", [{"tail": 0}, {"tail": 5001}, {"tail": "many"}, {"since": "then"}])
    def test_bad_log_queries_are_400(self, operator_client, server, query):
        assert_error(operator_client.get(f"{self.base(server)}/abc/logs", query), 400)


def test_server_fixture_is_offline(server):
    assert Server.objects.get(pk=server.pk).status != "online"


@pytest.mark.django_db(transaction=True)
class TestWhatTheAgentAnswers:
    """A command that did not run is a 409 whatever stopped it (agent offline, agent refused),
    with the execution in `data`; one that ran is a 200 whatever its exit code."""

    async def answer_one(self, operator_client, server, admin, answer):
        _, raw = await database_sync_to_async(create_api_key)(None, admin, name="agent", server=server)
        ws, _ = await connect_agent(raw)
        post = off_the_loop(operator_client.post, url(server), {"command": "uptime"}, format="json")
        call = asyncio.ensure_future(post)
        frame = await recv(ws, timeout=10)
        assert frame["type"] == "command"
        for reply in answer(frame["id"]):
            await send(ws, reply)
        response = await asyncio.wait_for(call, 30)
        await ws.disconnect()
        return response

    async def test_a_command_the_agent_refuses_is_409_with_the_execution(self, operator_client, server, admin):
        response = await self.answer_one(
            operator_client, server, admin,
            lambda id: [{"type": "command.rejected", "id": id, "reason": "remote commands are disabled on this agent"}],
        )  # fmt: skip
        body = assert_error(response, 409, "command_rejected")
        assert "remote commands are disabled" in body["detail"]
        assert (body["data"]["status"], body["data"]["reason"]) == (
            "rejected",
            "remote commands are disabled on this agent",
        )
        assert f"command {body['data']['id']}" in body["detail"]

    async def test_a_command_that_ran_and_failed_is_200(self, operator_client, server, admin):
        result = {
            "type": "command.result", "status": "failed", "exit_code": 1, "stdout": "", "stderr": "no",
            "stdout_truncated": False, "stderr_truncated": False, "duration_ms": 3,
        }  # fmt: skip
        response = await self.answer_one(
            operator_client, server, admin,
            lambda id: [{"type": "command.accepted", "id": id}, {**result, "id": id}],
        )  # fmt: skip
        assert (assert_ok(response)["status"], assert_ok(response)["exit_code"]) == ("failed", 1)

    def test_an_offline_agent_is_409_with_the_execution(self, operator_client, server):
        body = assert_error(operator_client.post(url(server), {"command": "uptime"}, format="json"), 409)
        assert (body["error_code"], body["data"]["status"]) == ("agent_offline", "agent_offline")
