"""Browsers' live streams: authenticate, join the groups of one object, forward declared events.

An app's stream consumer says which groups to join (``resolve_groups``) and which event types
it forwards (``forwards``); the base does the rest: the close codes, the user's own group (a
deactivation closes every stream of the user at once) and the periodic recheck behind it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, ClassVar

import orjson
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.contrib.auth import get_user_model

from chatops import telemetry
from chatops.loops import PerLoop
from chatops.realtime.dispatch import DirectDispatch
from chatops.realtime.groups import announce
from chatops_agent.wire import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED

# Browsers' sockets (the agent socket has codes of its own, in its protocol).
# The same codes as the agent socket's, from the one table of them (the wire module).
CLOSE_NOT_FOUND = 4404

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    """The browser streams a user opened: ``user.deactivated`` closes them (sent by accounts).
    Every stream joins it, whatever app it belongs to, so the name lives with the base."""
    return f"user.{user_id}"


class Forbidden(Exception):
    """The user may not open this stream (close 4403)."""


def active_users(user_ids: list[int]) -> set[int]:
    users = get_user_model()._default_manager
    return set(users.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))


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
    """Authenticates (``scope["user"]`` from the bearer subprotocol), then joins its groups and
    forwards their events. Browsers only listen: a frame they send gets an error reply."""

    # The event types sent to the client unchanged (through ``forward``). Any other message
    # goes to Channels' method-name dispatch (``websocket.*``, ``user.deactivated``), which
    # refuses a type without a handler.
    forwards: ClassVar[tuple[str, ...]] = ()
    groups_to_join: list[str]

    async def dispatch(self, message: dict[str, Any]) -> None:
        # The hot path (every sample to every watcher): one tuple lookup, no handler name built.
        if message["type"] in self.forwards:
            await self.forward(message)
        else:
            await super().dispatch(message)

    async def forward(self, event: dict[str, Any]) -> None:
        await self.send_json(event)

    @classmethod
    async def encode_json(cls, content: Any) -> str:
        """Every frame to a browser (each event, once per watching socket) is encoded by
        orjson: several times faster than ``json``, and strict JSON (NaN is ``null``, which
        a browser's ``JSON.parse`` accepts; ``json`` wrote ``NaN``, which it refuses)."""
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS).decode()

    async def connect(self) -> None:
        """Joins the stream's groups, then accepts: a client reads the object when its socket
        opens and relies on the socket for what follows, so the groups are joined by then
        (an event sent between an accept and a later join would reach no one). Events that
        arrive meanwhile wait their turn (``DirectDispatch`` handles one message at a time)
        and are sent after the accept. A refusal is an accept and a close with its code."""
        protocols = self.scope.get("subprotocols") or []
        code = await self._join()
        await self.accept(subprotocol="bearer" if protocols[:1] == ["bearer"] else None)
        if code is not None:
            await self.close(code=code)

    async def _join(self) -> int | None:
        """Authenticate and join; the close code when the stream is refused."""
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            return CLOSE_UNAUTHENTICATED
        if not user.is_active:
            return CLOSE_FORBIDDEN
        try:
            names = await self.resolve_groups(user)
        except Forbidden:
            return CLOSE_FORBIDDEN
        if names is None:
            return CLOSE_NOT_FOUND
        self.groups_to_join = names
        # Joined first, so a deactivation from now on reaches this socket.
        self.user_id = int(user.pk)
        telemetry.SOCKETS.inc(1, "browser")
        await self.channel_layer.group_add(user_group(self.user_id), self.channel_name)
        user_watch().add(self.user_id, self)
        for name in names:
            await self.channel_layer.group_add(name, self.channel_name)
            await announce(self.channel_layer, name)
        return None

    async def resolve_groups(self, user: Any) -> list[str] | None:
        """The groups to join, or None when the object is unknown or invisible (close 4404)."""
        raise NotImplementedError

    async def disconnect(self, code: int) -> None:
        user_id: int | None = getattr(self, "user_id", None)
        if user_id is not None:
            telemetry.SOCKETS.dec(1, "browser")
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
