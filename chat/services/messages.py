"""Messages: what people post, edit and delete, and what the bot posts and updates in place."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.services import record_audit
from chat.choices import MessageType
from chat.models import Message, MessageEdit, Room
from chat.representation import known_person, message_data
from chat.services.log import insert_with_event, record_event
from webhooks.models import Webhook
from webhooks.services import enqueue, subscribers

MENTION = re.compile(r"(?<![\w@])@([\w.@+-]{1,150})")


def _mentioned(room: Room, content: str) -> list[Any]:
    """Members of the room named as ``@username`` (case-insensitive); others are ignored."""
    names = {name.rstrip(".").lower() for name in MENTION.findall(content)}
    if not names:
        return []
    users = get_user_model()._default_manager.filter(chat_memberships__room=room, is_active=True)
    return [user for user in users if user.username.lower() in names]


def _thread_root(room: Room, thread_id: int | None) -> Message | None:
    if thread_id is None:
        return None
    root = Message.objects.filter(pk=thread_id, room=room).first()
    if root is None:
        raise ValidationError({"thread_id": ["No such message in this room."]})
    return root.thread if root.thread_id is not None else root  # a reply to a reply joins the thread


def _created(message: Message, root: Message | None, mentioned: list[Any], hooks: list[Webhook] | None = None) -> None:
    """Inside the transaction: the thread's counters, the event, the webhook. The message's
    representation is built once, and kept on it for the reply to the poster."""
    if root is not None:
        Message.objects.filter(pk=root.pk).update(reply_count=F("reply_count") + 1, last_reply_at=message.created_at)
        root.refresh_from_db(fields=["reply_count", "last_reply_at"])
        record_event(message.room_id, "message.updated", message_data(root))
    data = message_data(message, mentions=mentioned)
    message.__dict__["_representation"] = data
    record_event(message.room_id, "message.created", data)
    enqueue("message.created", dict(data), hooks=hooks)


def post_message(
    actor: Actor, room: Room, content: str, *, message_type: str = MessageType.TEXT, thread_id: int | None = None
) -> Message:
    """A person's message. Content that starts with ``/`` is a slash command: it is stored as
    typed (``command``) and run, after commit, as the actor (``chat.commands``)."""
    if room.archived_at is not None:
        raise ValidationError({"room_id": ["This room is archived."]})
    if not room.is_member(actor.user):
        raise PermissionDenied("Join the room first.")
    if not content.strip():
        raise ValidationError({"content": ["Content cannot be empty."]})
    is_command = content.startswith("/") and not content.startswith("//")
    if message_type == MessageType.COMMAND and not is_command:
        raise ValidationError({"content": ["A command starts with '/'."]})
    if is_command:
        message_type = MessageType.COMMAND
    if actor.client_id is None:
        known_person(actor.user)  # the author's brief needs no query (a client's request loaded its own)
    mentioned = _mentioned(room, content)
    hooks = subscribers("message.created")
    if connection.vendor == "postgresql" and thread_id is None and not (mentioned or is_command or hooks):
        # The common case, a line in the main flow: the row and its event in one statement.
        message = Message(room=room, author=actor.user, message_type=message_type, content=content)
        message.render()
        event = insert_with_event(message, "message.created", lambda row: message_data(row, mentions=[]))
        message.__dict__["_representation"] = event["data"]
        return message
    with transaction.atomic():
        root = _thread_root(room, thread_id)
        message = Message.objects.post(
            room=room, author=actor.user, message_type=message_type, content=content, thread=root
        )
        if mentioned:
            message.mentions.set(mentioned)
        _created(message, root, mentioned, hooks)
        if is_command:
            from chat import commands

            transaction.on_commit(lambda: commands.dispatch(actor, message))
    return message


def post_bot_message(
    room: Room | int,
    content: str,
    *,
    message_type: str = MessageType.SYSTEM,
    data: dict[str, Any] | None = None,
    thread: Message | None = None,
) -> Message:
    """The hub's own message (a command's result, an alert card, an approval, a system line)."""
    room_id = room if isinstance(room, int) else room.pk
    with transaction.atomic():
        message = Message.objects.post(
            room_id=room_id, author=None, message_type=message_type, content=content[:10_000], data=data or {},
            thread=thread,
        )  # fmt: skip
        _created(message, thread, [])
    return message


def update_bot_message(message: Message, *, content: str | None = None, data: dict[str, Any] | None = None) -> Message:
    """Change the bot's message in place (streamed output, a card's new state)."""
    fields = []
    if content is not None:
        message.content = content[:10_000]
        fields.append("content")
    if data is not None:
        message.data = data
        fields.append("data")
    if not fields:
        return message
    message.__dict__.pop("_representation", None)  # changes below: no longer what was posted
    with transaction.atomic():
        message.save(update_fields=fields)
        record_event(message.room_id, "message.updated", message_data(message))
    return message


def edit_message(actor: Actor, message: Message, content: str) -> Message:
    """The author edits their own text; the earlier text is kept (``MessageEdit``)."""
    if message.author_id is None or actor.user is None or message.author_id != actor.user.pk:
        raise PermissionDenied("Only the author may edit a message.")
    if message.deleted_at is not None:
        raise ValidationError({"content": ["This message was deleted."]})
    if message.message_type != MessageType.TEXT:
        raise ValidationError({"content": ["Only text messages can be edited."]})
    if not content.strip():
        raise ValidationError({"content": ["Content cannot be empty."]})
    if content == message.content:
        return message
    message.__dict__.pop("_representation", None)  # changes below: no longer what was posted
    with transaction.atomic():
        MessageEdit.objects.create(message=message, content=message.content)
        message.content = content
        message.edited_at = timezone.now()
        message.save(update_fields=["content", "edited_at"])
        message.mentions.set(_mentioned(message.room, content))
        record_event(message.room_id, "message.updated", message_data(message))
    return message


def delete_message(actor: Actor, message: Message) -> None:
    """The author, the room's owner or an admin; a tombstone stays ("message deleted")."""
    user = actor.user
    own = user is not None and message.author_id == user.pk
    if not (own or message.room.can_manage(user)):
        raise PermissionDenied("Only the author, the room's owner or an admin may delete a message.")
    if message.deleted_at is not None:
        return
    message.__dict__.pop("_representation", None)  # changes below: no longer what was posted
    with transaction.atomic():
        message.deleted_at = timezone.now()
        message.deleted_by = user
        message.save(update_fields=["deleted_at", "deleted_by"])
        record_event(message.room_id, "message.deleted", message_data(message))
        if not own:
            record_audit("message.deleted", actor=actor, target=message, details={"room": message.room_id})
