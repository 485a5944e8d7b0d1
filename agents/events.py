"""The payloads of the agents app's events."""

from __future__ import annotations

from typing import TypedDict


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
