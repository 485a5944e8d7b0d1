"""The agents app's events: the payloads, and the group names (an agent's socket, a
command's watchers)."""

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


def agent_group(server_id: int) -> str:
    """The socket of a server's agent, on whichever hub process holds it (``agent.dispatch``,
    ``agent.replaced``)."""
    return f"agent.{server_id}"


def command_group(history_id: int) -> str:
    """Whoever follows one command: ``command.output`` and ``command.status``."""
    return f"command.{history_id}"
