"""``/api/v1/ws/notifications``: the signed-in user's in-app notifications as they arrive."""

from __future__ import annotations

from typing import Any

from chatops.realtime import StreamConsumer
from notifications.events import inbox_group


class NotificationsConsumer(StreamConsumer):
    """Every signed-in user may listen, to their own inbox only. Events:
    ``{"type": "notification.created", "item": {...as GET /notifications/inbox lists it},
    "unread": n}`` and ``{"type": "notification.read", "ids": [...], "all": bool, "unread": n}``
    (read here or in another tab). At most once: a page reloads the inbox when it reconnects."""

    forwards = ("notification.created", "notification.read")

    async def resolve_groups(self, user: Any) -> list[str] | None:
        return [inbox_group(int(user.pk))]
