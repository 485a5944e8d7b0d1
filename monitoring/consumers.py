"""Live streams for browsers: one server's metrics or logs, and the whole fleet's metrics."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any, cast

from channels.consumer import AsyncConsumer, get_handler_name
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings

from accounts.events import user_group
from accounts.models import User
from chatops.group_send import announce
from chatops.loops import PerLoop
from monitoring.events import FLEET_METRICS_GROUP, server_logs_group, server_metrics_group
from servers.models import Server

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404

logger = logging.getLogger(__name__)

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class DirectDispatch:
    """Handle each message without Channels' per-message overhead.

    Two costs of ``AsyncConsumer`` that these consumers do not need:

    - Channels (>= 4.2) awaits ``sync_to_async(close_old_connections)`` before *every* message
      a consumer handles: a hop to the one thread that does all of a process's database work,
      per websocket frame and per group event (15 % of the event loop under agent load, queued
      behind ingest). These consumers touch the database only through
      ``database_sync_to_async``, which closes stale connections around each call itself, so
      the hop checks nothing.
    - ``await_many_dispatch`` waits on the socket and the channel layer with a new task and an
      ``asyncio.wait`` for every message (tens of microseconds each; about 15 times a plain
      ``await receive()``). Here each source has one long-lived reader task instead, and a
      lock keeps Channels' guarantee that a consumer handles one message at a time, in the
      order each source delivers them.
    """

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        consumer = cast(AsyncConsumer, self)
        consumer.scope = scope
        consumer.channel_layer = get_channel_layer(consumer.channel_layer_alias)
        sources: list[Receive] = [receive]
        if consumer.channel_layer is not None:
            consumer.channel_name = await consumer.channel_layer.new_channel()
            consumer.channel_receive = functools.partial(consumer.channel_layer.receive, consumer.channel_name)
            sources.append(consumer.channel_receive)
        consumer.base_send = send
        turn = asyncio.Lock()

        async def read(source: Receive) -> None:
            while True:
                message = await source()
                async with turn:
                    await self.dispatch(message)

        readers = [asyncio.ensure_future(read(source)) for source in sources]
        try:
            done, _ = await asyncio.wait(readers, return_when=asyncio.FIRST_COMPLETED)
            for reader in done:
                reader.result()  # StopConsumer after a disconnect, or the handler's error
        except StopConsumer:
            pass
        finally:
            for reader in readers:
                reader.cancel()
            await asyncio.gather(*readers, return_exceptions=True)

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)


class Forbidden(Exception):
    """The user may not open this stream (close 4403)."""


def can_see_server(user: Any, server_id: int) -> bool:
    return Server.objects.visible_to(user).filter(pk=server_id).exists()


def active_users(user_ids: list[int]) -> set[int]:
    return set(User.objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))


class UserWatch:
    """One recheck of every open browser stream's user per process and period, in one query.

    Deactivating a user closes their streams at once through the channel layer
    (``user.deactivated``); this is the backstop for a lost message or a change made without
    one (a bulk update, a deleted user). Same period as the agents' key recheck.
    """

    def __init__(self) -> None:
        self.sockets: dict[int, set[StreamConsumer]] = {}
        self.task: asyncio.Task[None] | None = None

    def add(self, user_id: int, consumer: StreamConsumer) -> None:
        self.sockets.setdefault(user_id, set()).add(consumer)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._run(), name="stream-user-watch")

    def discard(self, user_id: int, consumer: StreamConsumer) -> None:
        consumers = self.sockets.get(user_id)
        if consumers is not None:
            consumers.discard(consumer)
            if not consumers:
                del self.sockets[user_id]

    async def _run(self) -> None:
        while self.sockets:
            await asyncio.sleep(settings.AGENT_KEY_RECHECK_SECONDS)
            user_ids = list(self.sockets)
            try:
                active = await database_sync_to_async(active_users)(user_ids)
            except Exception:
                logger.exception("Could not recheck the users of browser streams")
                continue
            for user_id in user_ids:
                if user_id not in active:
                    for consumer in list(self.sockets.get(user_id, ())):
                        await consumer.close(code=CLOSE_UNAUTHENTICATED)


user_watch = PerLoop(UserWatch)


class StreamConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
    """Authenticates (``scope["user"]`` from the bearer subprotocol), then joins one group and
    forwards its events. Browsers only listen: a frame they send gets an error reply."""

    groups_to_join: list[str]

    async def connect(self) -> None:
        protocols = self.scope.get("subprotocols") or []
        await self.accept(subprotocol="bearer" if protocols[:1] == ["bearer"] else None)
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if not user.is_active:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        try:
            names = await self.resolve_groups(user)
        except Forbidden:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if names is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.groups_to_join = names
        # Joined first, so a deactivation from now on reaches this socket.
        self.user_id = int(user.pk)
        await self.channel_layer.group_add(user_group(self.user_id), self.channel_name)
        user_watch().add(self.user_id, self)
        for name in names:
            await self.channel_layer.group_add(name, self.channel_name)
            await announce(self.channel_layer, name)

    async def resolve_groups(self, user: Any) -> list[str] | None:
        """The groups to join, or None when the object is unknown or invisible (close 4404)."""
        raise NotImplementedError

    async def disconnect(self, code: int) -> None:
        user_id: int | None = getattr(self, "user_id", None)
        if user_id is not None:
            user_watch().discard(user_id, self)
            await self.channel_layer.group_discard(user_group(user_id), self.channel_name)
        for name in getattr(self, "groups_to_join", []):
            await self.channel_layer.group_discard(name, self.channel_name)

    async def user_deactivated(self, event: dict[str, Any]) -> None:
        await self.close(code=CLOSE_UNAUTHENTICATED)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})
            return
        await self.send_json({"type": "error", "code": "read_only", "detail": "this stream only sends"})

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any) -> None:
        try:
            await super().receive(text_data=text_data, bytes_data=bytes_data, **kwargs)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than json reads
            await self.send_json({"type": "error", "code": "malformed", "detail": "not JSON"})

    async def metrics_sample(self, event: dict[str, Any]) -> None:
        await self.send_json(event)

    async def logs_lines(self, event: dict[str, Any]) -> None:
        await self.send_json(event)

    async def server_status(self, event: dict[str, Any]) -> None:
        await self.send_json(event)

    async def command_output(self, event: dict[str, Any]) -> None:
        await self.send_json(event)

    async def command_status(self, event: dict[str, Any]) -> None:
        await self.send_json(event)


class ServerStreamConsumer(StreamConsumer):
    group_for: Any = None

    async def resolve_groups(self, user: Any) -> list[str] | None:
        server_id = int(self.scope["url_route"]["kwargs"]["server_id"])
        if not await database_sync_to_async(can_see_server)(user, server_id):
            return None
        return [type(self).group_for(server_id)]


class MetricsConsumer(ServerStreamConsumer):
    """``/api/v1/ws/metrics/{server_id}``: every committed sample of one server."""

    group_for = staticmethod(server_metrics_group)


class LogsConsumer(ServerStreamConsumer):
    """``/api/v1/ws/logs/{server_id}``: every committed log line of one server."""

    group_for = staticmethod(server_logs_group)


def _command_visible(user: Any, history_id: int) -> bool:
    from agents.models import CommandHistory

    servers = Server.objects.visible_to(user)
    return CommandHistory.objects.filter(pk=history_id, server__in=servers).exists()


class CommandStreamConsumer(StreamConsumer):
    """``/api/v1/ws/commands/{id}``: a command's output as it comes, and its status changes.
    Operators and admins only, like the command history."""

    async def resolve_groups(self, user: Any) -> list[str] | None:
        from accounts.choices import Role

        if not user.has_role(Role.OPERATOR):
            raise Forbidden
        history_id = int(self.scope["url_route"]["kwargs"]["history_id"])
        if not await database_sync_to_async(_command_visible)(user, history_id):
            return None
        return [f"command.{history_id}"]


class FleetMetricsConsumer(StreamConsumer):
    """``/api/v1/ws/metrics``: each server's newest sample, for the overview page."""

    async def resolve_groups(self, user: Any) -> list[str] | None:
        return [FLEET_METRICS_GROUP]
