"""The bodies webhooks are sent: ``{"event", "timestamp", "data"}``, with ``data`` typed per event.

Alerts and servers events carry what the alerts app passes to ``services.enqueue``; the events
emitted here, or by apps that import these types, are typed below.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, TypedDict


class Payload(TypedDict):
    event: str
    timestamp: str  # when the event happened, ISO 8601 in UTC
    data: dict[str, Any]


class CommandCompletedData(TypedDict):
    """``command.completed``: a command run through an agent reached its final status."""

    history_id: int
    server_id: int
    server_name: str
    command: str
    status: str  # succeeded, failed, timed_out, rejected, agent_offline
    exit_code: int | None
    requested_by: str | None  # username; None once that user is deleted
    finished_at: str | None


class TestPingData(TypedDict):
    """``webhook.test``: sent on request, to check the receiver end to end."""

    webhook_id: int
    message: str
    requested_by: str | None


def iso(moment: datetime | None) -> str | None:
    """An instant as the API writes it: ISO 8601, UTC, ``Z``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


TEST_MESSAGE: Literal["This is a test delivery from ChatOps."] = "This is a test delivery from ChatOps."
