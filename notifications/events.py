"""The notifications app's live events and group names (``/api/v1/ws/notifications``)."""

from __future__ import annotations

from typing import Any, Literal, TypedDict


def inbox_group(user_id: int) -> str:
    """Every notifications socket of one user (each browser tab's bell)."""
    return f"notifications.user.{user_id}"


class InboxItemData(TypedDict):
    """One in-app notification as ``GET /notifications/inbox`` lists it."""

    id: int
    notification: dict[str, Any]
    read: bool
    read_at: str | None
    delivered_at: str | None


class NotificationCreatedEvent(TypedDict):
    """A new notification in the user's inbox, with their unread count after it."""

    type: Literal["notification.created"]
    item: InboxItemData
    unread: int


class NotificationReadEvent(TypedDict):
    """Inbox items marked read (in this tab or another), with the unread count after it."""

    type: Literal["notification.read"]
    ids: list[int]
    all: bool
    unread: int
