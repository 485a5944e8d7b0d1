"""``/run`` through the real ASGI application: the agent's socket (played by the test, as in
tests/agents) gets the command, its output streams into one ``command_result`` message in a
thread under the command, updated in place at most every 500 ms, ending with the exit code,
the duration and the history row. A refusal by the agent is the answer too."""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import transaction

from accounts.actor import Actor
from accounts.models import AuditLog
from accounts.services import create_api_key
from agents import services
from agents.models import CommandHistory
from agents.remote import dispatch
from chat import commands
from chat.models import Message, RoomEvent
from chat.streaming import FLUSH_SECONDS, SHOWN_CHARS
from tests.chat.commanding import room_with, type_in
from tests.sockets import connect_agent, recv, send
from tests.threads import off_the_loop

pytestmark = pytest.mark.django_db(transaction=True)


async def agent_for(server, admin):
    _, raw = await database_sync_to_async(create_api_key)(None, admin, name="agent", server=server)
    ws, _ = await connect_agent(raw, capabilities=["metrics", "commands"])
    return ws


async def typed(user, room, content):
    return await off_the_loop(type_in, user, room, content)


async def settled(timeout=30):
    assert await sync_to_async(commands.wait_idle, thread_sensitive=False)(timeout)


def updates_of(message_id):
    """When each stored ``message.updated`` of that message was written, in order."""
    rows = RoomEvent.objects.filter(type="message.updated").order_by("event_id")
    return [row for row in rows if row.payload["id"] == message_id]


async def answer_with(ws, rid, stdout, *, exit_code=0, stderr="", duration_ms=5):
    """The agent accepts request ``rid`` and sends its result."""
    await send(ws, {"type": "command.accepted", "id": rid})
    await send(ws, {
        "type": "command.result", "id": rid, "status": "succeeded" if exit_code == 0 else "failed",
        "exit_code": exit_code, "stdout": stdout, "stderr": stderr, "stdout_truncated": False,
        "stderr_truncated": False, "duration_ms": duration_ms,
    })  # fmt: skip


def result_in(command):
    return Message.objects.get(thread=command, message_type="command_result")


async def typed_with_an_agent(operator, admin, server, content):
    """A room, the server's agent connected, ``content`` typed: the room, the agent's socket,
    the command's message and the request the agent got."""
    room = await database_sync_to_async(room_with)(operator)
    ws = await agent_for(server, admin)
    command = await typed(operator, room, content)
    return room, ws, command, await recv(ws, timeout=10)


async def test_the_output_streams_into_one_message_in_the_thread(operator, admin, server):
    typed_in = f'/run {server.name} "for i in 1 2 3; do echo $i; done"'
    room, ws, command, frame = await typed_with_an_agent(operator, admin, server, typed_in)
    try:
        assert (frame["type"], frame["command"]) == ("command", "for i in 1 2 3; do echo $i; done")
        assert frame["max_output_bytes"] == 64 * 1024  # as for the REST route
        rid = frame["id"]
        await send(ws, {"type": "command.accepted", "id": rid})
        started = time.monotonic()
        for line in ("1\n", "2\n", "3\n"):
            await send(ws, {"type": "command.output", "id": rid, "stream": "stdout", "data": line})
            await asyncio.sleep(0.4)
        # The message shows the output before the command ends.
        deadline = time.monotonic() + 10
        while True:
            answer = await database_sync_to_async(result_in)(command)
            if "1\n2" in answer.content:
                break
            assert time.monotonic() < deadline, answer.content
            await asyncio.sleep(0.1)
        assert answer.data["final"] is False and "running" in answer.content
        await send(ws, {
            "type": "command.result", "id": rid, "status": "succeeded", "exit_code": 0, "stdout": "1\n2\n3\n",
            "stderr": "", "stdout_truncated": False, "stderr_truncated": False, "duration_ms": 1234,
        })  # fmt: skip
        await settled()
        elapsed = time.monotonic() - started
    finally:
        await ws.disconnect()
    answer = await database_sync_to_async(result_in)(command)
    history = await database_sync_to_async(CommandHistory.objects.get)()
    assert answer.thread_id == command.pk and answer.author is None
    assert "```\n1\n2\n3\n```" in answer.content
    assert f"exit 0 · 1.2 s · command #{history.pk} (`/api/v1/commands/{server.pk}/{history.pk}`)" in answer.content
    assert answer.data["stdout"] == "1\n2\n3\n" and answer.data["final"] is True
    assert answer.data["history_url"] == f"/api/v1/commands/{server.pk}/{history.pk}"
    # Updated in place, never twice within 500 ms: the stored events carry when they were written.
    updates = await database_sync_to_async(updates_of)(answer.pk)
    times = [row.created_at for row in updates]
    assert len(updates) >= 2
    assert all((b - a).total_seconds() >= FLUSH_SECONDS - 0.05 for a, b in itertools.pairwise(times))
    assert len(updates) <= elapsed / FLUSH_SECONDS + 2
    # One history row and one audit entry, from chat, naming the room.
    entry = await database_sync_to_async(AuditLog.objects.get)(action="command.run")
    assert (entry.via, entry.details["status"], entry.details["origin"]["room"]) == ("chat", "succeeded", room.pk)


async def test_an_agent_that_does_not_allow_commands_refuses(operator, admin, server):
    _, ws, command, frame = await typed_with_an_agent(operator, admin, server, f"/run {server.name} uptime")
    try:
        reason = "remote commands are disabled on this agent (start it with --allow-commands)"
        await send(ws, {"type": "command.rejected", "id": frame["id"], "reason": reason})
        await settled()
    finally:
        await ws.disconnect()
    answer = await database_sync_to_async(result_in)(command)
    assert f"refused by the agent: {reason}" in answer.content
    assert (answer.data["status"], answer.data["ok"]) == ("rejected", False)


async def test_long_output_shows_its_tail_and_keeps_all_of_it_in_data(operator, admin, server):
    big = "".join(f"line {i:05d}\n" for i in range(3000))  # 33,000 characters
    _, ws, command, frame = await typed_with_an_agent(operator, admin, server, f"/run {server.name} 'seq 3000'")
    rid = frame["id"]
    try:
        await answer_with(ws, rid, big, exit_code=2, stderr="oops\n", duration_ms=80)
        await settled()
    finally:
        await ws.disconnect()
    answer = await database_sync_to_async(result_in)(command)
    assert len(answer.content) < 10_000 and "earlier characters in the command's history" in answer.content
    assert "line 02999\n--- stderr ---\noops" in answer.content and "exit 2 · 80 ms" in answer.content
    assert answer.data["stdout"] == big and answer.data["stderr"] == "oops\n"
    assert len(big) > SHOWN_CHARS


async def test_an_agent_that_never_answers_is_given_up(operator, admin, server):
    _, ws, command, _ = await typed_with_an_agent(operator, admin, server, f"/run {server.name} uptime")
    try:
        await settled(timeout=20)  # the agent got the request, and does not answer
    finally:
        await ws.disconnect()
    answer = await database_sync_to_async(result_in)(command)
    assert "not run: the agent did not answer" in answer.content
    assert answer.data["status"] == "agent_offline"


def started_elsewhere(operator, room, server):
    """What the approvals app does once a request is approved: run it, then have it followed
    in the thread of the command that asked for it."""
    root = type_in(operator, room, "an approved request's command")
    server.refresh_from_db()  # online: its agent connected
    history = services.run_command(Actor.for_user(operator, "chat"), server, "uptime", wait=False, send=False)
    with transaction.atomic():
        commands.follow(room.pk, root.pk, history.pk, start=lambda: dispatch(history))
        assert not Message.objects.filter(thread=root).exists()  # after commit, not before
    return root


async def test_follow_streams_a_command_started_elsewhere(operator, admin, server):
    room = await database_sync_to_async(room_with)(operator)
    ws = await agent_for(server, admin)
    try:
        root = await off_the_loop(started_elsewhere, operator, room, server)
        rid = (await recv(ws, timeout=10))["id"]
        await send(ws, {"type": "command.output", "id": rid, "stream": "stdout", "data": "up 3 days\n"})
        await answer_with(ws, rid, "up 3 days\n")
        await settled()
    finally:
        await ws.disconnect()
    answer = await database_sync_to_async(result_in)(root)
    assert "```\nup 3 days\n```" in answer.content and "exit 0 · 5 ms" in answer.content


async def test_restart_from_chat_goes_through_the_agent_and_is_audited_as_from_the_room(operator, admin, server):
    room, ws, command, frame = await typed_with_an_agent(operator, admin, server, f"/restart {server.name} web")
    try:
        assert (frame["type"], frame["action"], frame["container"]) == ("docker", "restart", "web")
        data = {"id": "abc", "name": "web", "image": "nginx", "state": "running", "status": "Up 1 second"}
        await send(ws, {"type": "docker.result", "id": frame["id"], "ok": True, "data": data, "error": None})
        await settled()
    finally:
        await ws.disconnect()
    answer = await database_sync_to_async(result_in)(command)
    assert answer.content.startswith(f"Restarted **web** on **{server.name}** (now running; request #")
    entry = await database_sync_to_async(AuditLog.objects.get)(action="docker.restart")
    assert (entry.via, entry.details["status"], entry.details["origin"]["room"]) == ("chat", "succeeded", room.pk)
