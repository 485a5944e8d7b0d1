"""How a room and a message look, to the REST API and to the sockets (one shape for both)."""

from __future__ import annotations

from typing import Any

from chat import markdown
from chat.events import MessageData, UserBrief
from chat.models import Message, Room

DELETED = "message deleted"


def user_brief(user: Any) -> UserBrief | None:
    if user is None:
        return None
    return UserBrief(id=user.pk, username=user.username, bot=is_bot(user))


def is_bot(user: Any) -> bool:
    """A client application's bot (``clients.Client.user``), which posts as the application.
    Free when the relation was loaded (``select_related("author__client")``, the client's own
    request, ``known_person``); otherwise it costs one query."""
    return getattr(user, "client", None) is not None


def known_person(user: Any) -> None:
    """Note that ``user`` is nobody's bot (the actor said so), so ``is_bot`` asks nothing."""
    user._meta.get_field("client").set_cached_value(user, None)


def posted_data(message: Message) -> MessageData:
    """The representation built when the message was posted, if this is that instance (the
    reply to the poster), else a fresh one."""
    cached: MessageData | None = message.__dict__.get("_representation")
    return cached if cached is not None else message_data(message)


def message_data(message: Message, *, mentions: list[Any] | None = None) -> MessageData:
    """``mentions``: the mentioned users when the caller has them (a message just posted),
    saving the query."""
    deleted = message.deleted_at is not None
    users = message.mentions.all() if mentions is None else mentions
    content = "" if deleted else message.content
    return MessageData(
        **{
            "id": message.pk,
            "room_id": message.room_id,
            "author": user_brief(message.author),
            "message_type": message.message_type,
            "content": content,
            "content_html": "" if deleted else (message.content_html or markdown.render(content)),
            "thread_id": message.thread_id,
            "reply_count": message.reply_count,
            "last_reply_at": message.last_reply_at.isoformat() if message.last_reply_at else None,
            "data": {} if deleted else message.data,
            "mentions": [] if deleted else sorted(user.username for user in users),
            "created_at": message.created_at.isoformat(),
            "edited": message.edited_at is not None,
            "edited_at": message.edited_at.isoformat() if message.edited_at else None,
            "deleted": deleted,
        }
    )


def room_data(room: Room) -> dict[str, Any]:
    return {
        "id": room.pk,
        "name": room.name,
        "topic": room.topic,
        "private": room.private,
        "owner": user_brief(room.owner),
        "archived": room.archived_at is not None,
        "created_at": room.created_at.isoformat(),
        "last_event_id": room.last_event_id,
    }
