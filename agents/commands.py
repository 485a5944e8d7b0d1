"""Commands and Docker actions: from a REST request through the agent and back.

1. ``request_command`` / ``request_docker`` check the server, write the history row and its
   audit entry (one each, whatever happens next), and refuse at once when the agent is offline.
2. ``dispatch`` sends the request to the group ``agent.<server_id>``: the socket of that agent,
   on whichever hub process holds it.
3. The agent's answers come back through ``AgentConsumer`` to ``apply_answer``, which updates the
   row (and completes the audit entry) and returns an event for ``command.<id>``.
4. ``wait_until_final`` listens on ``command.<id>`` (and rereads the row, since the channel layer
   is at most once) until the row is final or the wait runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import timedelta
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.utils import timezone
from rest_framework.request import Request

from accounts.models import APIKey, AuditLog, User
from accounts.services import record_audit
from agents.events import agent_group, command_group
from agents.models import CommandHistory
from chatops.shutdown import ShuttingDown, unless_stopping
from servers.choices import ServerStatus
from servers.models import Server
from webhooks.payloads import CommandCompletedData, iso
from webhooks.services import enqueue as enqueue_webhook

logger = logging.getLogger(__name__)
Status = CommandHistory.Status

# How long the agent has to say accepted or rejected before the hub calls it offline.
ACK_SECONDS = 5.0
DOCKER_WAIT_SECONDS = 40.0
DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024


def _audit_action(history: CommandHistory) -> str:
    return "command.run" if history.kind == CommandHistory.Kind.COMMAND else f"docker.{history.action}"


def _new(request: Request, server: Server, **fields: Any) -> CommandHistory:
    user = request.user if isinstance(request.user, User) else None
    key = request.auth if isinstance(request.auth, APIKey) else None
    with transaction.atomic():
        history = CommandHistory.objects.create(server=server, requested_by=user, api_key=key, **fields)
        entry = record_audit(
            _audit_action(history),
            request=request,
            target=server,
            details={
                "history_id": history.pk,
                "command": history.command,
                "container": history.container,
                "status": history.status,
                "exit_code": None,
            },
        )
        history.audit_entry = entry
        offline = server.status != ServerStatus.ONLINE
        if offline:
            _finish(history, Status.AGENT_OFFLINE, reason="the server's agent is not connected")
        history.save()
    return history


def _finish(history: CommandHistory, status: str, **fields: Any) -> None:
    """Set a final state, complete the audit entry and queue ``command.completed`` for webhooks,
    all in the caller's transaction (the row is saved by the caller)."""
    history.status = status
    history.finished_at = timezone.now()
    for key, value in fields.items():
        setattr(history, key, value)
    if history.kind == CommandHistory.Kind.COMMAND:
        enqueue_webhook("command.completed", dict(_completed(history)))
    if history.audit_entry_id:
        AuditLog.objects.filter(pk=history.audit_entry_id).update(
            details={
                "history_id": history.pk,
                "command": history.command,
                "container": history.container,
                "status": status,
                "exit_code": history.exit_code,
                "reason": history.reason,
            }
        )


def _completed(history: CommandHistory) -> CommandCompletedData:
    user = history.requested_by
    return {
        "history_id": history.pk,
        "server_id": history.server_id,
        "server_name": history.server.name,
        "command": history.command,
        "status": history.status,
        "exit_code": history.exit_code,
        "requested_by": user.username if user else None,
        "finished_at": iso(history.finished_at),
    }


def request_command(request: Request, server: Server, command: str, timeout: int) -> CommandHistory:
    return _new(request, server, kind=CommandHistory.Kind.COMMAND, command=command, timeout=timeout)


def request_docker(request: Request, server: Server, action: str, container: str = "") -> CommandHistory:
    return _new(
        request, server, kind=CommandHistory.Kind.DOCKER, action=action, container=container,
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
    async_to_sync(layer.group_send)(
        agent_group(history.server_id), {"type": "agent.dispatch", "frame": agent_frame(history, **extra)}
    )


def mark_sent(history_id: int, server_id: int) -> None:
    CommandHistory.objects.filter(pk=history_id, server_id=server_id, status=Status.PENDING).update(status=Status.SENT)


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
        now = timezone.now()
        if kind == "command.accepted":
            history.status = Status.RUNNING
            history.started_at = now
        elif kind in ("command.rejected", "docker.rejected"):
            _finish(history, Status.REJECTED, reason=answer["reason"])
        elif kind == "command.result":
            _finish(
                history,
                answer["status"],
                exit_code=answer["exit_code"],
                stdout=answer["stdout"],
                stderr=answer["stderr"],
                stdout_truncated=answer["stdout_truncated"],
                stderr_truncated=answer["stderr_truncated"],
                duration_ms=answer["duration_ms"],
                started_at=history.started_at or now,
            )
        elif kind == "docker.result":
            started = history.created_at
            _finish(
                history,
                Status.SUCCEEDED if answer["ok"] else Status.FAILED,
                result=answer["data"] if answer["ok"] else None,
                reason=answer["error"],
                started_at=started,
                duration_ms=int((now - started).total_seconds() * 1000),
            )
        history.save()
    return {"type": "command.status", "id": history.pk, "status": history.status, "final": history.is_final}


def _give_up_if_unanswered(history_id: int) -> None:
    """No accepted/rejected in time: nobody holds the agent's socket."""
    with transaction.atomic():
        history = CommandHistory.objects.select_for_update().filter(pk=history_id).first()
        if history is not None and history.status in (Status.PENDING, Status.SENT):
            _finish(history, Status.AGENT_OFFLINE, reason="the agent did not answer")
            history.save()


def _time_out(history_id: int) -> None:
    with transaction.atomic():
        history = CommandHistory.objects.select_for_update().filter(pk=history_id).first()
        if history is not None and not history.is_final:
            _finish(history, Status.TIMED_OUT, reason="no result from the agent in time")
            history.save()


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
            await database_sync_to_async(_give_up_if_unanswered)(history_id)
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            await database_sync_to_async(_time_out)(history_id)
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
    now = timezone.now()
    count = 0
    for history in CommandHistory.objects.filter(status__in=[Status.PENDING, Status.SENT, Status.RUNNING]):
        unanswered = history.status == Status.PENDING and now - history.created_at > timedelta(seconds=30)
        if history.kind == CommandHistory.Kind.COMMAND and history.status == Status.SENT:
            unanswered = now - history.created_at > timedelta(seconds=30)
        overdue = now - history.created_at > timedelta(seconds=history.timeout + 60)
        if unanswered:
            _give_up_if_unanswered(history.pk)
            count += 1
        elif overdue:
            _time_out(history.pk)
            count += 1
    return count
