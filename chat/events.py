"""The chat app's live events and group names.

Every event a room's sockets receive carries the room's monotonic ``event_id``; the stored
ones (``RoomEvent``) are replayed to a socket that reconnects with the last id it saw.
Typing and presence are not stored: they carry the room's current id and no new one.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

#: Event types stored in the room's log (replayed on reconnect).
STORED_EVENTS = (
    "message.created",
    "message.updated",
    "message.deleted",
    "room.updated",
    "member.joined",
    "member.left",
)
#: Event types a user's own sockets receive (not a room's: read markers of their other sessions).
USER_EVENTS = ("read.updated",)
#: Passing events, never stored.
EPHEMERAL_EVENTS = ("typing", "presence")


def room_group(room_id: int) -> str:
    """Every socket subscribed to the room."""
    return f"chat.room.{room_id}"


def chat_user_group(user_id: int) -> str:
    """Every chat socket of one user (read markers move across their sessions)."""
    return f"chat.user.{user_id}"


class RoomEventData(TypedDict):
    type: str
    room_id: int
    event_id: int
    data: dict[str, Any]


class ReadUpdatedData(TypedDict):
    type: Literal["read.updated"]
    room_id: int
    last_read_id: int


class UserBrief(TypedDict):
    id: int
    username: str
    #: A client application's bot (docs/clients.md), not a person.
    bot: bool


class MessageData(TypedDict):
    """A message as REST, sockets and the ``message.created`` webhook show it
    (``chat.representation.message_data``)."""

    id: int
    room_id: int
    author: UserBrief | None
    message_type: str
    content: str
    content_html: str
    thread_id: int | None
    reply_count: int
    last_reply_at: str | None
    data: dict[str, Any]
    mentions: list[str]
    created_at: str
    edited: bool
    edited_at: str | None
    deleted: bool
