"""How agents carries out a request a second person approved (``approvals.registry``): the
same service as the REST route and chat, as the requester, marked as the approved request so
that it is not held back again."""

from __future__ import annotations

from typing import Any

from accounts.actor import Actor
from agents import services
from servers.services import visible_server


def run(actor: Actor, payload: dict[str, Any]) -> dict[str, Any]:
    """Send the command without waiting: the approver's click answers at once, and the
    output streams to whoever follows the history row (the chat thread, the command page)."""
    server = visible_server(actor, int(payload["server_id"]))
    history = services.run_command(
        actor, server, str(payload["command"]), timeout=int(payload["timeout"]), wait=False, approved=True
    )
    return {"history_id": history.pk, "status": history.status}


def _docker(action: str) -> Any:
    def execute(actor: Actor, payload: dict[str, Any]) -> dict[str, Any]:
        server = visible_server(actor, int(payload["server_id"]))
        history = services.run_docker(actor, server, action, str(payload["container"]), approved=True)
        return {
            "history_id": history.pk,
            "status": history.status,
            "container": services.container_fields(history.result),
        }

    return execute


def register() -> None:
    """From ``AgentsConfig.ready``."""
    from approvals.registry import register_kind

    register_kind("run", "Run a command", run)
    register_kind("restart", "Restart a container", _docker("restart"))
    register_kind("stop", "Stop a container", _docker("stop"))
