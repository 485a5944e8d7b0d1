"""Group names of the agents app: an agent's socket, and a command's watchers."""

from __future__ import annotations


def agent_group(server_id: int) -> str:
    """The socket of a server's agent, on whichever hub process holds it (``agent.dispatch``,
    ``agent.replaced``)."""
    return f"agent.{server_id}"


def command_group(history_id: int) -> str:
    """Whoever follows one command: ``command.output`` and ``command.status``."""
    return f"command.{history_id}"
