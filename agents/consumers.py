"""The agent socket: ``/api/v1/agents/ws`` (protocol in docs/agent-protocol.md), and browsers'
stream of one command's output, ``/api/v1/ws/commands/{id}``."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from typing import Any

import orjson
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from accounts.actor import Actor
from accounts.choices import Role
from accounts.events import apikey_group
from accounts.models import APIKey
from agents import frames, protocol, remote, services
from agents.events import agent_group, command_group
from agents.models import CommandHistory
from agents.protocol import ProtocolError
from chatops import shutdown, telemetry
from chatops.loops import PerLoop
from chatops.realtime import CLOSE_NOT_FOUND, DirectDispatch, Forbidden, StreamConsumer
from chatops_agent.wire import (
    CLOSE_FORBIDDEN,
    CLOSE_PROTOCOL_ERROR,
    CLOSE_REPLACED,
    CLOSE_RETRY_LATER,
    CLOSE_SILENT,
    CLOSE_TOO_BIG,
    CLOSE_UNAUTHENTICATED,
    CLOSE_WINDOW,
)
from monitoring.ingest import FrameIn, FrameRefused, batcher, record_rejected_frame
from servers.live import visible_servers
from servers.models import Server

logger = logging.getLogger(__name__)
#: How long a closing agent socket waits for its queued frames to be stored and published
#: before it marks the server offline.
DISCONNECT_FLUSH_SECONDS = 5


class KeyWatch:
    """One recheck of every open agent socket's key per process and period, in one query.

    Revoking a key closes its sockets at once through the channel layer; this is the backstop
    for a lost message, an expiry, or an owner made inactive. One query per socket per period
    (1,000 agents: 200 queries and connections a second) was the hub's largest cost under load.
    """

    def __init__(self) -> None:
        self.sockets: dict[int, set[AgentConsumer]] = {}
        self.task: asyncio.Task[None] | None = None

    def add(self, consumer: AgentConsumer) -> None:
        self.sockets.setdefault(consumer.key.pk, set()).add(consumer)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._run(), name="agent-key-watch")

    def discard(self, consumer: AgentConsumer) -> None:
        consumers = self.sockets.get(consumer.key.pk)
        if consumers is not None:
            consumers.discard(consumer)
            if not consumers:
                del self.sockets[consumer.key.pk]

    async def _run(self) -> None:
        while self.sockets:
            await asyncio.sleep(settings.AGENT_KEY_RECHECK_SECONDS)
            keys = list(self.sockets)
            try:
                active = await database_sync_to_async(services.active_keys)(keys)
            except Exception:
                logger.exception("Could not recheck agent keys")
                continue
            for key_id in keys:
                if key_id not in active:
                    for consumer in list(self.sockets.get(key_id, ())):
                        consumer.closing_reason = "key revoked or expired"
                        await consumer.close(code=CLOSE_UNAUTHENTICATED)


key_watch = PerLoop(KeyWatch)


class AgentConsumer(DirectDispatch, AsyncWebsocketConsumer):
    """One connected agent. Frames are handled in arrival order; data frames are queued to the
    process's ingest batcher and acknowledged, in order, once committed (the batcher calls
    ``committed``)."""

    key: APIKey
    session: services.Session | None = None
    hello: protocol.Hello | None = None
    replaced = False
    storage_failed = False
    gone = False
    refused = False  # closed in connect(): frames already on their way are ignored
    closing_reason = "closed by agent"

    async def connect(self) -> None:
        await self.accept()
        key = self.scope.get("api_key")
        if key is None:
            self.closing_reason, self.refused = "unauthenticated", True
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.key = key
        if not key.opens_agent_socket:
            # A script's key, or a non-admin's: never any server's agent (a hello that was
            # already on its way is refused again by ``agent_connected``).
            await self._error("forbidden", "this key is not an agent key or an admin's enrolment key")
            self.closing_reason, self.refused = "not an agent key", True
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.pending: deque[tuple[int, asyncio.Future[None]]] = deque()
        self.last_frame_at = time.monotonic()
        self.tasks = [asyncio.ensure_future(self._hello_deadline())]

    # --- frames in ----------------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        raw: str | bytes | None = text_data if text_data is not None else bytes_data
        if raw is None or self.refused:
            return
        limit = settings.AGENT_MAX_FRAME_BYTES
        if len(raw) > limit or (isinstance(raw, str) and len(raw) * 4 > limit and len(raw.encode()) > limit):
            self.closing_reason = "frame too large"
            await self.close(code=CLOSE_TOO_BIG)
            return
        try:
            frame = orjson.loads(raw)
        except orjson.JSONDecodeError:
            # orjson refuses what the json module reads (NaN, integers past 64 bits, lone
            # surrogates): such a frame gets the answer it always had, e.g. a value refused
            # with the frame's seq, so the agent is not left resending it.
            try:
                frame = json.loads(raw)
            except (ValueError, RecursionError):  # RecursionError: nested deeper than it can read
                await self._error("malformed", "not JSON")
                return
        if not isinstance(frame, dict):
            await self._error("malformed", "a frame is a JSON object")
            return
        kind = frame.get("type")
        if kind == "hello":
            await self._on_hello(frame)
        elif kind == "data":
            await self._on_data(frame)
        elif kind in protocol.COMMAND_ANSWERS or kind in protocol.DOCKER_ANSWERS:
            await self._on_answer(frame)
        elif (handler := frames.handler_for(kind)) is not None:
            await self._on_registered(handler, frame)
        else:
            await self._error("unknown_type", f"unknown frame type {str(kind)[:40]!r}")

    async def _on_hello(self, frame: dict[str, Any]) -> None:
        if self.hello is not None:
            await self._error("invalid_frame", "hello was already received")
            return
        try:
            hello = protocol.parse_hello(frame)
        except ProtocolError as exc:
            if exc.code == "unsupported_protocol":
                await self._error(exc.code, exc.detail)
                self.closing_reason = exc.detail
                await self.close(code=CLOSE_PROTOCOL_ERROR)
            else:
                await self._error(exc.code, exc.detail)
            return
        try:
            actor = Actor.for_user(self.key.user, "socket", api_key=self.key, ip=self.scope.get("client_ip"))
            session = await database_sync_to_async(services.agent_connected)(actor, hello)
        except services.EnrolmentRefused as exc:
            await self._error("forbidden", str(exc))
            self.closing_reason = "enrolment refused"
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.hello, self.session = hello, session
        telemetry.SOCKETS.inc(1, "agent")
        layer = self.channel_layer
        # The newest connection of a server wins: an agent that reconnects before the hub
        # noticed its old socket die must not be refused or doubled.
        await layer.group_send(agent_group(session.server_id), {"type": "agent.replaced", "channel": self.channel_name})
        await layer.group_add(agent_group(session.server_id), self.channel_name)
        await layer.group_add(apikey_group(self.key.pk), self.channel_name)
        self.last_frame_at = time.monotonic()
        self.tasks.append(asyncio.ensure_future(self._watchdog()))
        key_watch().add(self)
        await self._send(
            {
                "type": "welcome",
                "protocol": protocol.PROTOCOL_VERSION,
                "server_id": session.server_id,
                "server_name": session.server_name,
                "window": settings.AGENT_WINDOW,
                "max_frame_bytes": settings.AGENT_MAX_FRAME_BYTES,
                "last_seq": session.last_seq,
            }
        )

    async def _on_data(self, frame: dict[str, Any]) -> None:
        if self.session is None or self.hello is None:
            await self._error("not_ready", "send hello first")
            return
        self.last_frame_at = time.monotonic()
        try:
            data = protocol.parse_data(frame)
        except ProtocolError as exc:
            await self._error(exc.code, exc.detail, exc.seq)
            if exc.seq is not None:
                await self._reject(exc.seq)
            return
        if len(self.pending) >= 4 * settings.AGENT_WINDOW:
            self.closing_reason = "window exceeded"
            await self.close(code=CLOSE_WINDOW)
            return
        future = batcher().enqueue(FrameIn(self.session.server_id, self.hello["stream"], data), self)
        self.pending.append((data["seq"], future))

    async def _on_answer(self, frame: dict[str, Any]) -> None:
        """An answer to a command or Docker request: update its row, tell whoever waits."""
        if self.session is None:
            await self._error("not_ready", "send hello first")
            return
        try:
            answer = protocol.parse_answer(frame)
        except ProtocolError as exc:
            await self._error(exc.code, exc.detail)
            return
        event = await database_sync_to_async(remote.apply_answer)(self.session.server_id, answer)
        if event is not None:
            await self.channel_layer.group_send(command_group(answer["history_id"]), event)

    async def _on_registered(self, handler: frames.Handler, frame: dict[str, Any]) -> None:
        """A frame type another app handles (``agents.frames``)."""
        if self.session is None or self.hello is None:
            await self._error("not_ready", "send hello first")
            return
        self.last_frame_at = time.monotonic()
        if not hasattr(self, "frame_state"):
            self.frame_state: dict[str, Any] = {}
        actor = Actor.for_user(self.key.user, "socket", api_key=self.key, ip=self.scope.get("client_ip"))
        context = frames.FrameContext(
            self.session.server_id, tuple(self.hello["capabilities"]), actor, self.frame_state
        )
        try:
            reply = await handler(context, frame)
        except frames.FrameRefused as exc:
            await self._error(exc.code, exc.detail)
            return
        if reply is not None:
            await self._send(reply)

    async def agent_send(self, event: dict[str, Any]) -> None:
        """A frame for this agent from another app (``agents.frames``), sent as it is."""
        if self.session is not None:
            await self._send(event["frame"])

    async def agent_dispatch(self, event: dict[str, Any]) -> None:
        """A command or Docker request for this agent, from any hub process."""
        if self.session is None:
            return
        frame = event["frame"]
        await self._send(frame)
        await database_sync_to_async(CommandHistory.objects.mark_sent)(int(frame["id"]), self.session.server_id)

    async def _reject(self, seq: int) -> None:
        """Acknowledge a frame that will never be accepted, after everything before it."""
        assert self.session is not None and self.hello is not None
        for _, future in list(self.pending):
            await asyncio.wait([future])
        if self.gone or self.storage_failed:
            return  # a frame before it was not stored: an ack would cover that one too
        try:
            await database_sync_to_async(record_rejected_frame)(self.session.server_id, self.hello["stream"], seq)
        except Exception:
            logger.exception("Could not count a refused frame")
            await self.not_stored()
            return
        logger.warning("Rejected frame %s of server %s", seq, self.session.server_id)
        await self._send({"type": "ack", "seq": seq})

    # --- background ----------------------------------------------------------------------------

    async def committed(self) -> None:
        """Acknowledge the committed frames at the head of the queue, in order; several
        make one (cumulative) ack. A frame the batcher refused (its data cannot be stored) gets
        an error with its seq first, and is acknowledged like a frame refused by validation.
        Called by the batcher after each batch with frames of ours."""
        if self.gone or self.storage_failed:
            return
        seq = None
        while self.pending and self.pending[0][1].done():
            error = self.pending[0][1].exception()
            if error is not None and not isinstance(error, FrameRefused):
                break  # not stored: not_stored() closes the socket
            seq = self.pending.popleft()[0]
            if error is not None:
                await self._error("invalid_frame", str(error), seq)
        if seq is not None:
            await self._send({"type": "ack", "seq": seq})

    async def not_stored(self) -> None:
        """A batch with frames of ours failed: acknowledge nothing more on this socket, and
        close it with "retry later" (the agent keeps the frames and sends them again on its
        next connection, after its backoff)."""
        for _, future in self.pending:
            if future.done():
                future.exception()  # seen: asyncio would log it as never retrieved
        if self.gone or self.storage_failed:
            return
        self.storage_failed = True
        self.closing_reason = "storage error"
        await self.close(code=CLOSE_RETRY_LATER)

    async def _hello_deadline(self) -> None:
        await asyncio.sleep(settings.AGENT_HELLO_TIMEOUT_SECONDS)
        if self.hello is None:
            self.closing_reason = "no hello"
            await self.close(code=CLOSE_PROTOCOL_ERROR)

    async def _watchdog(self) -> None:
        """Close a socket whose agent went silent (no database: the key is KeyWatch's)."""
        assert self.hello is not None
        silence = max(settings.AGENT_SILENCE_SECONDS, 3 * self.hello["interval"])
        while True:
            await asyncio.sleep(min(5.0, silence / 3))
            if time.monotonic() - self.last_frame_at > silence:
                self.closing_reason = "silent"
                await self.close(code=CLOSE_SILENT)
                return

    # --- channel layer events -------------------------------------------------------------------

    async def agent_replaced(self, event: dict[str, Any]) -> None:
        if event["channel"] != self.channel_name:
            self.replaced = True
            self.closing_reason = "replaced by a newer connection"
            await self.close(code=CLOSE_REPLACED)

    async def apikey_revoked(self, event: dict[str, Any]) -> None:
        self.closing_reason = "key revoked"
        await self.close(code=CLOSE_UNAUTHENTICATED)

    # --- out -----------------------------------------------------------------------------------

    async def _send(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=orjson.dumps(frame).decode())

    async def _error(self, code: str, detail: str, seq: int | None = None) -> None:
        # A detail may quote the frame; a lone surrogate in it would fail the send, and the socket.
        detail = detail.encode("utf-8", "backslashreplace").decode()
        frame: dict[str, Any] = {"type": "error", "code": code, "detail": detail}
        if seq is not None:
            frame["seq"] = seq
        await self._send(frame)

    async def disconnect(self, code: int) -> None:
        self.gone = True
        if shutdown.stopping():
            self.closing_reason = "hub stopping"
        for task in getattr(self, "tasks", []):
            task.cancel()
        if self.session is None:
            return
        telemetry.SOCKETS.dec(1, "agent")
        key_watch().discard(self)
        layer = self.channel_layer
        await layer.group_discard(agent_group(self.session.server_id), self.channel_name)
        await layer.group_discard(apikey_group(self.key.pk), self.channel_name)
        assert self.hello is not None
        # "Offline" after this socket's last samples reached the browsers (a sample says online).
        try:
            async with asyncio.timeout(DISCONNECT_FLUSH_SECONDS):
                await batcher().barrier()
        except TimeoutError:
            logger.warning(
                "Server %s: its last frames were not stored within %s s of the disconnect",
                self.session.server_id,
                DISCONNECT_FLUSH_SECONDS,
            )
        await database_sync_to_async(services.agent_disconnected)(
            self.session.server_id,
            f"{self.closing_reason} ({code})",
            ip=self.scope.get("client_ip"),
            agent_version=self.hello["agent_version"],
            replaced=self.replaced,
        )


def _command_server(user: Any, history_id: int) -> int | None:
    """The server of the command, if the user may see it."""
    servers = Server.objects.visible_to(user)
    return CommandHistory.objects.filter(pk=history_id, server__in=servers).values_list("server_id", flat=True).first()


class CommandStreamConsumer(StreamConsumer):
    """``/api/v1/ws/commands/{id}``: a command's output as it comes, and its status changes.
    Operators and admins only, like the command history; closed (4404) once the user may no
    longer see the command's server."""

    forwards = ("command.output", "command.status")
    server_id: int

    async def resolve_groups(self, user: Any) -> list[str] | None:
        if not user.has_role(Role.OPERATOR):
            raise Forbidden
        history_id = int(self.scope["url_route"]["kwargs"]["history_id"])
        server_id = await database_sync_to_async(_command_server)(user, history_id)
        if server_id is None:
            return None
        self.server_id = server_id
        return [command_group(history_id)]

    async def forward(self, event: dict[str, Any]) -> None:
        if not await visible_servers().allows(self.user_id, self.server_id):
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.send_json(event)
