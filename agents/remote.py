"""Remote commands and Docker actions: from a request through the agent and back.

1. ``request_command`` / ``request_docker`` write the history row and its audit entry (one
   each, whatever happens next), and end the row at once when the agent is offline.
2. ``dispatch`` sends the request to the group ``agent.<server_id>``: the socket of that agent,
   on whichever hub process holds it.
3. The agent's answers come back through ``AgentConsumer`` to ``apply_answer``, which updates the
   row (and completes the audit entry) and returns an event for ``command.<id>``.
4. ``run_and_wait`` listens on ``command.<id>`` (and rereads the row, since the channel layer
   is at most once) until the row is final or the wait runs out.

``agents.services`` puts these together for each use case (``run_command``, ``run_docker``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from accounts.actor import Actor
from accounts.services import record_audit
from agents.events import agent_group, command_group
from agents.models import CommandHistory
from agents.signals import action_recorded
from chatops.realtime import bridge
from chatops.shutdown import ShuttingDown, unless_stopping
from servers.choices import ServerStatus
from servers.models import Server

logger = logging.getLogger(__name__)
Status = CommandHistory.Status

# How long the agent has to say accepted or rejected before the hub calls it offline.
ACK_SECONDS = 5.0
DOCKER_WAIT_SECONDS = 40.0
DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024


def _new(actor: Actor, server: Server, **fields: Any) -> CommandHistory:
    with transaction.atomic():
        history = CommandHistory.objects.create(server=server, requested_by=actor.user, api_key=actor.api_key, **fields)
        history.audit_entry = record_audit(
            history.audit_action, actor=actor, target=server, details=history.audit_details()
        )
        if server.status != ServerStatus.ONLINE:
            history.finish(Status.AGENT_OFFLINE, reason="the server's agent is not connected")
        history.save()
        history_id, via = history.pk, actor.via
        transaction.on_commit(
            lambda: action_recorded.send(sender=CommandHistory, history_id=history_id, via=via), robust=True
        )
    return history


def request_command(actor: Actor, server: Server, command: str, timeout: int) -> CommandHistory:
    return _new(actor, server, kind=CommandHistory.Kind.COMMAND, command=command, timeout=timeout)


def request_docker(actor: Actor, server: Server, action: str, container: str = "") -> CommandHistory:
    return _new(
        actor, server, kind=CommandHistory.Kind.DOCKER, action=action, container=container,
        timeout=int(DOCKER_WAIT_SECONDS),
    )  # fmt: skip


def agent_frame(history: CommandHistory, **extra: Any) -> dict[str, Any]:
    if history.kind == CommandHistory.Kind.COMMAND:
        return {
            "type": "command",
            "id": str(history.pk),
            "command": history.command,
            "timeout": history.timeout,
            "max_output_bytes": DEFAULT_MAX_OUTPUT_BYTES,
        }
    frame: dict[str, Any] = {"type": "docker", "id": str(history.pk), "action": history.action}
    if history.container:
        frame["container"] = history.container
    frame.update(extra)
    return frame


def dispatch(history: CommandHistory, **extra: Any) -> None:
    """Hand the request to the agent's socket, wherever it is. Call after the row committed."""
    layer = get_channel_layer()
    assert layer is not None
    bridge.call(
        layer.group_send,
        agent_group(history.server_id),
        {"type": "agent.dispatch", "frame": agent_frame(history, **extra)},
    )


def apply_answer(server_id: int, answer: dict[str, Any]) -> dict[str, Any] | None:
    """Apply an agent's answer to its row; returns the event for ``command.<id>`` (None when
    the answer is for no request of this server, or comes after the row was final)."""
    kind = answer["type"]
    if kind == "command.output":
        # Not stored: the result carries the kept output in full. Only forwarded.
        exists = CommandHistory.objects.filter(pk=answer["history_id"], server_id=server_id).exists()
        if not exists:
            return None
        return {
            "type": "command.output",
            "id": answer["history_id"],
            "stream": answer["stream"],
            "data": answer["data"],
        }
    with transaction.atomic():
        history = (
            CommandHistory.objects.select_for_update()
            .filter(pk=answer["history_id"], server_id=server_id)  # an agent answers only for its server
            .first()
        )
        if history is None or history.is_final:
            return None
        history.take_answer(answer)
        history.save()
    return {"type": "command.status", "id": history.pk, "status": history.status, "final": history.is_final}


def _status(history_id: int) -> str:
    return str(CommandHistory.objects.values_list("status", flat=True).get(pk=history_id))


async def _listen(history_id: int, channel: str, layer: Any, seconds: float, acknowledged: bool) -> None:
    """Until the row is final or ``seconds`` pass. Within ACK_SECONDS the request must have
    reached the agent's socket (``sent``) and, for a command (``acknowledged``), the agent must
    have accepted or rejected it; Docker actions have no such step and may take a while."""
    from channels.db import database_sync_to_async

    started = time.monotonic()
    deadline = started + seconds
    while True:
        status = await database_sync_to_async(_status)(history_id)
        if status in CommandHistory.FINAL:
            return
        unanswered = status == Status.PENDING or (acknowledged and status == Status.SENT)
        if unanswered and time.monotonic() - started > ACK_SECONDS:
            await database_sync_to_async(CommandHistory.objects.give_up_if_unanswered)(history_id)
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            await database_sync_to_async(CommandHistory.objects.time_out)(history_id)
            return
        # Woken by any event of this command; a lost event costs at most a second. A hub
        # process that stops ends the wait at once (ShuttingDown).
        with contextlib.suppress(TimeoutError):
            await unless_stopping(asyncio.wait_for(layer.receive(channel), min(1.0, remaining)))


def run_and_wait(history: CommandHistory, seconds: float, **extra: Any) -> CommandHistory:
    """Dispatch the request and wait for its outcome; returns the row as it then is."""
    layer = get_channel_layer()
    assert layer is not None

    async def go() -> None:
        channel = await layer.new_channel()
        await layer.group_add(command_group(history.pk), channel)
        try:
            await layer.group_send(
                agent_group(history.server_id), {"type": "agent.dispatch", "frame": agent_frame(history, **extra)}
            )
            await _listen(history.pk, channel, layer, seconds, history.kind == CommandHistory.Kind.COMMAND)
        finally:
            await layer.group_discard(command_group(history.pk), channel)

    try:
        async_to_sync(go)()
    except ShuttingDown:
        raise ShuttingDown(
            f"The hub is restarting before the agent answered; request {history.pk} may still finish "
            "(see the server's command history)."
        ) from None
    history.refresh_from_db()
    return history


def expire_stale() -> int:
    """Job: requests nobody answered (the waiting request died with its process, or asked not
    to wait) end as agent_offline or timed_out, so no row stays open forever."""
    return CommandHistory.objects.expire_stale()
