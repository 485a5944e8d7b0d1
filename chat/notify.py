"""Chat rooms as a place notifications go: the ``chat_room`` target of the notifications app
(``Recipients(targets={"chat_room": [room ids]})``, what alert routes and escalation steps
name). Registered from ``ChatConfig.ready()``; the notifications worker calls ``deliver``.

A delivery is posted into the room as a system message by the hub, once: a retry after a
crash between the post and the delivery's status finds the message it already posted.
"""

from __future__ import annotations

from typing import Any

from chat.choices import MessageType
from chat.models import Message, Room
from chat.services.messages import post_bot_message
from notifications.models import Delivery
from notifications.targets import DeliveryError, Target, register_target

KIND = "chat_room"


def exists(room_id: int) -> bool:
    """A room that exists and is not archived (an archived room takes no messages)."""
    return Room.objects.active().filter(pk=room_id).exists()


def message_text(subject: str, content: str) -> str:
    return f"**{subject}**\n\n{content}".rstrip()


def deliver(delivery: Delivery) -> None:
    """Post the delivery's notification into its room; a room gone or archived is a permanent
    failure (nobody will read it there)."""
    room = Room.objects.filter(pk=delivery.target_id).first() if delivery.target_id is not None else None
    if room is None:
        raise DeliveryError(f"Chat room {delivery.target_id} no longer exists.", permanent=True)
    if room.archived_at is not None:
        raise DeliveryError(f"Chat room {room.name!r} is archived.", permanent=True)
    notification = delivery.notification
    already = Message.objects.filter(
        room=room,
        author=None,
        message_type=MessageType.SYSTEM,
        created_at__gte=notification.created_at,
        data__delivery=delivery.pk,
    )
    if already.exists():
        return
    data: dict[str, Any] = {
        "notification": notification.pk,
        "delivery": delivery.pk,
        "type": notification.type,
        "severity": notification.severity,
    }
    post_bot_message(room.pk, message_text(notification.subject, notification.content), data=data)


TARGET = Target(kind=KIND, label="chat room", deliver=deliver, exists=exists)


def register() -> None:
    register_target(TARGET)
