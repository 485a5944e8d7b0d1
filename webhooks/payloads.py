"""The bodies webhooks are sent: ``{"event", "timestamp", "data"}``, with ``data`` typed per event.

Each app types the ``data`` of the events it emits where it can, next to its other events, and
names the type when it registers the event (``chatops.registry.WebhookEvent.payload``); the
alerts' and servers' events carry what the alerts app passes to ``services.enqueue``. The test
ping, the webhooks app's own, is typed below.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict


class Payload(TypedDict):
    event: str
    timestamp: str  # when the event happened, ISO 8601 in UTC
    data: dict[str, Any]


class TestPingData(TypedDict):
    """``webhook.test``: sent on request, to check the receiver end to end."""

    webhook_id: int
    message: str
    requested_by: str | None


TEST_MESSAGE: Literal["This is a test delivery from ChatOps."] = "This is a test delivery from ChatOps."
