"""How an in-app notification looks, to the inbox's REST routes and to the socket (one shape)."""

from __future__ import annotations

from typing import Any

from chatops.times import iso
from notifications.events import InboxItemData
from notifications.models import Delivery, Notification


def notification_brief(notification: Notification) -> dict[str, Any]:
    return {
        "id": notification.pk,
        "type": notification.type,
        "severity": notification.severity,
        "subject": notification.subject,
        "content": notification.content,
        "content_text": notification.content_text,
        "content_html": notification.content_html,
        "data": notification.data,
        "created_at": iso(notification.created_at),
    }


def inbox_item(delivery: Delivery) -> InboxItemData:
    return InboxItemData(
        id=delivery.pk,
        notification=notification_brief(delivery.notification),
        read=delivery.read_at is not None,
        read_at=iso(delivery.read_at),
        delivered_at=iso(delivery.delivered_at),
    )
