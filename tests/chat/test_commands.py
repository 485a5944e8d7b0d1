"""Slash commands typed in a room: parsing, usage, /help by role, refusals with their audit
entries, and the commands of each app (agents, alerts, servers) run as the person who typed
them. The command runs on the hub's command threads, so these tests commit (transaction=True)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.utils import timezone

from accounts.models import AuditLog
from agents.models import CommandHistory
from alerts.models import Alert
from chat.commandline import BadCommandLine, parse
from chatops import registry
from chatops.registry import ChatCommand, ChatReply
from monitoring.models import LogLine
from servers.models import Server
from tests.chat.commanding import IP, answer, room_with, type_in
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route

pytestmark = pytest.mark.django_db(transaction=True)


class TestParsing:
    @pytest.mark.parametrize(
        ("typed", "name", "arguments"),
        [
            ('/run web-1 "df -h /"', "run", ["web-1", "df -h /"]),
            ("/RUN  web-1   uptime ", "run", ["web-1", "uptime"]),
            ("/run web-1 'a \"b\"' c\\ d", "run", ["web-1", 'a "b"', "c d"]),
            ("/help", "help", []),
            ("/", "", []),
            ("/run\tweb-1\n'echo $HOME; ls *'", "run", ["web-1", "echo $HOME; ls *"]),
        ],
    )
    def test_arguments_are_split_as_a_shell_splits_words(self, typed, name, arguments):
        line = parse(typed)
        assert (line.name, line.arguments) == (name, arguments)

    @pytest.mark.parametrize("typed", ['/run web-1 "df -h /', "/run web-1 'x", "/run web-1 x\\"])
    def test_an_unclosed_quote_cannot_be_read(self, typed):
        with pytest.raises(BadCommandLine) as raised:
            parse(typed)
        assert raised.value.name == "run"


class TestAnswers:
    def test_an_unknown_command_says_so_and_points_to_help(self, operator):
        room = room_with(operator)
        reply = answer(operator, room, "/frobnicate now")
        assert "Unknown command `/frobnicate`" in reply.content and "/help" in reply.content
        assert reply.data == {"ok": False}

    def test_a_bad_parse_answers_with_the_usage(self, operator, server):
        reply = answer(operator, room_with(operator), f'/run {server.name} "df -h /')
        assert "Cannot read the arguments (no closing quotation)" in reply.content
        assert "Usage: `/run <server> <command…>`" in reply.content
        assert not CommandHistory.objects.exists()

    @pytest.mark.parametrize(
        ("typed", "problem"),
        [("/run web-1", "Missing arguments"), ("/status a b", "Too many arguments"), ("/logs x y z", "Too many")],
    )
    def test_wrong_arguments_answer_with_the_usage(self, operator, typed, problem):
        reply = answer(operator, room_with(operator), typed)
        assert reply.content.startswith(problem) and "Usage: `/" in reply.content

    def test_the_answer_is_a_thread_under_the_command(self, operator):
        room = room_with(operator)
        command = type_in(operator, room, "/servers")
        assert command.message_type == "command"
        reply = answer(operator, room, "/servers")
        assert reply.thread.message_type == "command" and reply.author is None
        reply.thread.refresh_from_db()
        assert reply.thread.reply_count == 1

    def test_a_command_waiting_for_approval_says_so(self, operator):
        from approvals.models import Approval
        from approvals.services import ApprovalPending

        def needs_approval(actor, arguments):
            raise ApprovalPending(Approval(pk=7))

        with registered(ChatCommand("test-approve", "Needs a second person.", needs_approval)):
            reply = answer(operator, room_with(operator), "/test-approve")
        assert reply.content.startswith("Waiting for approval #7")

    def test_a_bug_in_a_command_is_an_answer_not_silence(self, operator):
        def broken(actor, arguments):
            raise RuntimeError("boom")

        with registered(ChatCommand("test-broken", "Fails.", broken)):
            reply = answer(operator, room_with(operator), "/test-broken")
        assert "failed: an error on the hub" in reply.content and reply.data == {"ok": False}

    def test_the_handler_gets_the_chat_actor(self, operator):
        seen = []

        def remember(actor, arguments):
            seen.append(actor)
            return ChatReply("ok")

        room = room_with(operator)
        with registered(ChatCommand("test-actor", "Who am I.", remember)):
            command = type_in(operator, room, "/test-actor")
            answer(operator, room, "/test-actor")
        actor = seen[0]
        assert (actor.user, actor.via, actor.ip) == (operator, "chat", IP)
        assert actor.origin == {"room": room.pk, "room_name": "ops", "message": command.pk}


@contextmanager
def registered(command):
    registry.register_chat_command(command)
    try:
        yield
    finally:
        registry.chat_commands.unregister(command.name)


class TestHelp:
    def listed(self, reply):
        return {line.split("`")[1].split()[0] for line in reply.content.splitlines() if line.startswith("- `")}

    def test_help_lists_only_what_the_caller_may_run(self, viewer, operator):
        room = room_with(operator, viewer)
        for_viewer = self.listed(answer(viewer, room, "/help"))
        for_operator = self.listed(answer(operator, room, "/help"))
        assert for_viewer == {"/alerts", "/ask", "/containers", "/help", "/logs", "/servers", "/status", "/ticket"}
        assert for_operator == for_viewer | {
            "/ack",
            "/playbook",
            "/resolve",
            "/restart",
            "/run",
            "/silence",
            "/unsilence",
        }

    def test_help_explains_one_command_with_its_usage(self, operator, viewer):
        room = room_with(operator, viewer)
        reply = answer(operator, room, "/help run")
        assert reply.content.startswith("`/run <server> <command…>`: Run a command")
        assert "--allow-commands" in reply.content
        assert answer(operator, room, "/help /RUN").content == reply.content
        refused = answer(viewer, room, "/help run")
        assert "No command `/run` that you may run" in refused.content

    def test_the_dashboard_completes_from_the_same_list(self, viewer_client, operator_client):
        viewer_names = [c["name"] for c in assert_ok(viewer_client.get("/api/v1/chat/commands"))]
        operator_list = assert_ok(operator_client.get("/api/v1/chat/commands"))
        assert viewer_names == ["alerts", "ask", "containers", "help", "logs", "servers", "status", "ticket"]
        run = next(c for c in operator_list if c["name"] == "run")
        assert run["synopsis"] == "/run <server> <command…>" and run["least_role"] == "operator"

    ROLES = RoleMatrix(
        Route("GET", "/api/v1/chat/commands", expect={"anonymous": 401, "viewer": 200, "admin": 200}),
        Route("POST", "/api/v1/chat/commands", expect={"operator": 405}),
    )

    @ROLES.parametrize
    def test_roles(self, request, case):
        case.check(request)


class TestRefusals:
    def test_a_viewers_run_is_refused_with_a_message_and_an_audit_entry(self, viewer, operator, server):
        room = room_with(operator, viewer)
        reply = answer(viewer, room, f"/run {server.name} uptime")
        command = reply.thread
        assert reply.content == "Refused: Only operators and admins may do this."
        assert not CommandHistory.objects.exists()
        entry = AuditLog.objects.get(action="request.refused")
        assert (entry.actor, entry.via, entry.ip_address, entry.target_id) == (viewer, "chat", IP, str(server.pk))
        assert entry.details["action"] == "command.run" and entry.details["command"] == "uptime"
        assert entry.details["origin"] == {"room": room.pk, "room_name": "ops", "message": command.pk}

    def test_over_rest_the_same_refusal_leaves_the_same_entry(self, viewer_client, viewer, server):
        assert_error(viewer_client.post(f"/api/v1/commands/{server.pk}", {"command": "uptime"}, format="json"), 403)
        entry = AuditLog.objects.get(action="request.refused")
        assert (entry.actor, entry.via, entry.details["action"]) == (viewer, "api", "command.run")
        assert "origin" not in entry.details

    def test_a_viewers_restart_is_refused_too(self, viewer, operator, server):
        reply = answer(viewer, room_with(operator, viewer), f"/restart {server.name} web")
        assert reply.content.startswith("Refused:")
        assert AuditLog.objects.get(action="request.refused").details["action"] == "docker.restart"

    def test_a_server_is_named_by_name_or_hostname_in_any_case(self, operator, server):
        room = room_with(operator)
        for name in (server.name.upper(), server.hostname):
            reply = answer(operator, room, f"/run {name} uptime")
            # The server is found; its agent is not connected.
            assert "agent is not connected" in reply.content
        assert CommandHistory.objects.filter(server=server).count() == 2
        entry = AuditLog.objects.filter(action="command.run").first()
        assert entry.via == "chat" and entry.details["origin"]["room"] == room.pk
        assert answer(operator, room, "/run nowhere uptime").content == "No server named 'nowhere'."


class TestAlerts:
    @pytest.fixture
    def alert(self, server):
        return Alert.objects.create(
            server=server, name="disk full", metric="disk_percent", severity="critical", message="disk 97%",
            started_at=timezone.now(),
        )  # fmt: skip

    def test_ack_and_resolve_from_chat(self, operator, viewer, alert):
        room = room_with(operator, viewer)
        assert f"#{alert.pk} **critical**" in answer(viewer, room, "/alerts").content
        assert answer(viewer, room, f"/ack {alert.pk}").content.startswith("Refused:")
        reply = answer(operator, room, f"/ack #{alert.pk} on it, rotating logs")
        assert reply.content == f"Alert #{alert.pk} (disk full on {alert.server.name}) acknowledged."
        alert.refresh_from_db()
        assert (alert.status, alert.acknowledged_by, alert.ack_comment) == (
            "acknowledged",
            operator,
            "on it, rotating logs",
        )
        entry = AuditLog.objects.get(action="alert.acknowledged")
        assert entry.via == "chat" and entry.details["origin"]["room_name"] == "ops"
        assert "acknowledged by otto" in answer(viewer, room, "/alerts").content
        assert "only a firing alert" in answer(operator, room, f"/ack {alert.pk}").content
        answer(operator, room, f"/resolve {alert.pk}")
        alert.refresh_from_db()
        assert alert.status == "resolved"
        assert answer(viewer, room, "/alerts").content == "No firing or acknowledged alerts."

    def test_a_bad_or_unknown_alert(self, operator):
        room = room_with(operator)
        assert "not an alert number. Usage: `/ack <alert id> [comment]`" in answer(operator, room, "/ack x").content
        assert answer(operator, room, "/ack 999999").content == "No alert #999999."


class TestServers:
    def test_servers_status_and_logs(self, viewer, admin, server):
        Server.objects.filter(pk=server.pk).update(status="online", agent_version="0.1.0")
        LogLine.objects.create(server=server, ts=timezone.now(), level="error", message="disk on fire")
        room = room_with(viewer)
        assert f"**{server.name}** ({server.hostname}): online" in answer(viewer, room, "/servers").content
        status = answer(viewer, room, f"/status {server.name}").content
        assert "- Status: online" in status and "- Agent: 0.1.0" in status
        logs = answer(viewer, room, f"/logs {server.name} 5").content
        assert "The last 1 log lines" in logs and "disk on fire" in logs
        assert "from 1 to 200" in answer(viewer, room, f"/logs {server.name} 0").content

    def test_containers_of_a_server_whose_agent_never_reported(self, viewer, viewer_client, server):
        reply = answer(viewer, room_with(viewer), f"/containers {server.name}")
        # The REST route's answer: asked of the agent, which is offline, with no list to fall back on.
        rest = assert_error(viewer_client.get(f"/api/v1/docker/{server.pk}/containers"), 409, "agent_offline")
        first, second = CommandHistory.objects.order_by("id")
        assert reply.content == f"The agent did not answer (agent_offline, recorded as {first.pk})."
        assert rest["detail"] == f"The agent did not answer (agent_offline, recorded as {second.pk})."
