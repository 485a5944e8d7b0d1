"""Approvals in the room a request came from: a command typed there that waits for a second
person posts an ``approval`` message (Approve / Deny buttons in the dashboard, which call
``POST /approvals/{id}/approve|deny``) in the command's thread, updated in place once decided,
expired or run; an approved ``/run`` then streams its output into that thread like any other
(``chat.commands.follow``). Approvals may not import chat: it sends signals, heard here."""

from __future__ import annotations

import logging
from typing import Any

from approvals.models import Approval, Kind, Status
from approvals.signals import approval_decided, approval_requested
from chat.choices import MessageType
from chat.models import Message, Room
from chat.services import post_bot_message, update_bot_message

logger = logging.getLogger(__name__)


def card(approval: Approval) -> tuple[str, dict[str, Any]]:
    """The message's text and its ``data`` (what the dashboard draws the buttons from)."""
    who = approval.requested_by.username if approval.requested_by else "someone"
    decider = approval.decided_by.username if approval.decided_by else "someone"
    comment = f": {approval.comment}" if approval.comment else ""
    text = {
        Status.PENDING: f"**Approval needed**: {who} asks to {approval.summary[:1].lower()}{approval.summary[1:]}. "
        f"Another operator or an admin may approve or deny it before "
        f"{approval.expires_at:%H:%M} UTC.",
        Status.APPROVED: f"**Approved** by {decider}{comment}. {approval.summary}: started.",
        Status.DENIED: f"**Denied** by {decider}{comment}. {approval.summary}: not run.",
        Status.EXPIRED: f"**Expired**: nobody decided in time. {approval.summary}: not run.",
        Status.FAILED: f"**Approved** by {decider}{comment}, but it did not run: {approval.error}",
    }[Status(approval.status)]
    data = {
        "approval_id": approval.pk,
        "status": approval.status,
        "kind": approval.kind,
        "summary": approval.summary,
        "requested_by": approval.requested_by.username if approval.requested_by else None,
        "decided_by": approval.decided_by.username if approval.decided_by else None,
        "expires_at": approval.expires_at.isoformat(),
        "result": approval.result,
    }
    return text, data


def _place(approval: Approval) -> tuple[Room, Message | None] | None:
    """The room the request came from (still open) and the thread root of its command."""
    origin = approval.origin or {}
    room_id, message_id = origin.get("room"), origin.get("message")
    room = Room.objects.active().filter(pk=room_id).first() if isinstance(room_id, int) else None
    if room is None:
        return None
    command = Message.objects.filter(pk=message_id, room=room).first() if isinstance(message_id, int) else None
    root = command.thread if command is not None and command.thread_id is not None else command
    return room, root


def _posted(approval: Approval, room: Room) -> Message | None:
    return (
        Message.objects.filter(room=room, message_type=MessageType.APPROVAL, data__approval_id=approval.pk)
        .order_by("id")
        .first()
    )


def _show(approval: Approval) -> tuple[Room, Message | None] | None:
    """Post the approval's message, or update the one posted: where, or None (not from a room)."""
    place = _place(approval)
    if place is None:
        return None
    room, root = place
    text, data = card(approval)
    message = _posted(approval, room)
    if message is None:
        post_bot_message(room, text, message_type=MessageType.APPROVAL, data=data, thread=root)
    else:
        update_bot_message(message, content=text, data=data)
    return place


def on_requested(sender: Any, approval: Approval, **kwargs: Any) -> None:
    _show(approval)


def on_decided(sender: Any, approval: Approval, **kwargs: Any) -> None:
    place = _show(approval)
    if place is None:
        return
    room, root = place
    history_id = approval.result.get("history_id")
    if approval.status == Status.APPROVED and approval.kind == Kind.RUN and root is not None and history_id:
        from chat import commands

        commands.follow(room.pk, root.pk, int(history_id))


def connect() -> None:
    """From ``ChatConfig.ready``."""
    approval_requested.connect(on_requested, dispatch_uid="chat.approvals.requested")
    approval_decided.connect(on_decided, dispatch_uid="chat.approvals.decided")
