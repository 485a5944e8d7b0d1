"""The approval message in the room a request came from: posted in the command's thread when
the request waits, updated in place when it is denied, expires, or was approved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.actor import Actor
from agents import services as agents
from approvals.models import Approval
from approvals.services import ApprovalPending, decide, expire_due
from chat import commands
from chat import services as chat
from chat.models import Message, RoomEvent
from tests.approvals.conftest import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(operator, other_operator, admin):
    room = chat.create_room(api(operator), name="ops")
    for user in (other_operator, admin):
        chat.join_room(api(user), room)
    return room


@pytest.fixture
def command(room, operator):
    # Written directly: posting through chat.services would also dispatch the command.
    return Message.objects.create(room=room, author=operator, message_type="command", content="/run web-1 uptime")


@pytest.fixture
def asked(room, command, operator, server, run_required, django_capture_on_commit_callbacks):
    actor = Actor.for_user(operator, "chat").within(room=room.pk, room_name=room.name, message=command.pk)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApprovalPending) as raised:
        agents.run_command(actor, server, "uptime")
    return raised.value.approval


def card(room):
    return Message.objects.get(room=room, message_type="approval")


def test_a_waiting_command_posts_an_approval_in_its_thread(room, command, asked, operator, server):
    message = card(room)
    assert (message.thread_id, message.author_id) == (command.pk, None)
    assert message.data["approval_id"] == asked.pk
    summary = f"Run `uptime` on {server.name}"
    assert {k: message.data[k] for k in ("status", "kind", "summary", "requested_by")} == {
        "status": "pending", "kind": "run", "summary": summary, "requested_by": operator.username,
    }  # fmt: skip
    assert message.content.startswith(f"**Approval needed**: {operator.username} asks to run `uptime`")
    command.refresh_from_db()
    assert command.reply_count == 1


def test_a_denial_updates_the_message_in_place(room, asked, other_operator, django_capture_on_commit_callbacks):
    posted = card(room)
    with django_capture_on_commit_callbacks(execute=True):
        decide(api(other_operator), asked, approve=False, comment="not now")
    message = card(room)
    assert message.pk == posted.pk
    assert (message.data["status"], message.data["decided_by"]) == ("denied", other_operator.username)
    assert message.content.startswith(f"**Denied** by {other_operator.username}: not now.")
    updated = RoomEvent.objects.filter(room=room, type="message.updated").order_by("event_id").last()
    assert updated is not None and (updated.payload["id"], updated.payload["data"]["status"]) == (message.pk, "denied")


def test_an_expiry_updates_it(room, asked, django_capture_on_commit_callbacks):
    Approval.objects.filter(pk=asked.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_due() == 1
    assert card(room).data["status"] == "expired"
    assert card(room).content.startswith("**Expired**")


def test_an_approval_that_could_not_run_says_why(room, asked, admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decide(api(admin), asked, approve=True)
    message = card(room)
    assert message.data["status"] == "failed" and message.data["result"]["status"] == "agent_offline"
    assert "did not run: The server's agent is not connected" in message.content


def test_a_request_from_outside_chat_posts_nothing(
    room, operator, server, run_required, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApprovalPending):
        agents.run_command(api(operator), server, "uptime")
    assert not Message.objects.filter(message_type="approval").exists()


def test_an_archived_room_gets_nothing(
    room, command, operator, server, run_required, django_capture_on_commit_callbacks
):
    chat.archive_room(api(operator), room)
    actor = Actor.for_user(operator, "chat").within(room=room.pk, room_name=room.name, message=command.pk)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApprovalPending):
        agents.run_command(actor, server, "uptime")
    assert not Message.objects.filter(message_type="approval").exists()


@pytest.mark.skipif(not hasattr(commands, "follow"), reason="chat.commands.follow comes with the slash commands")
def test_an_approved_run_is_followed_in_the_thread(room, command, asked, admin, django_capture_on_commit_callbacks):
    from agents.models import CommandHistory

    # Approved while the server is offline, the command is still recorded; here it is sent to
    # a connected agent: the approval's result names the row the thread follows.
    CommandHistory.objects.all().delete()
    server = asked.server
    server.status = "online"
    server.save()
    with django_capture_on_commit_callbacks(execute=True):
        approval = decide(api(admin), asked, approve=True)
    assert approval.status == "approved"
    assert Message.objects.filter(room=room, thread=command, message_type="command_result").exists()
