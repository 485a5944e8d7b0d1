"""Who is online: each chat socket's state, shared by every hub process.

A user is ``online`` while one of their chat sockets is online, ``away`` while all of them
are away, ``offline`` when they have none. A socket counts as online from the moment it
connects until its client says ``away`` (``{"type": "presence", "state": "away"}``).

Where the states live:

- with ``REDIS_URL`` (several hub processes are one hub): one Redis hash per user, one field
  per socket (its channel name) holding ``"<state> <deadline>"``. A change and the user's
  state before and after it are read in one ``MULTI``, so two processes changing one user's
  sockets at once never both miss the change. Each process renews its own sockets' deadlines
  every ``RENEW_SECONDS``; a field past its deadline (a process that died without closing its
  sockets) no longer counts, and is deleted by the next change of that user.
- without it (SQLite and the in-memory channel layer: one process is the whole hub): the same
  table in this process's memory.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from typing import Any

from django.conf import settings

from chatops.loops import PerLoop

logger = logging.getLogger(__name__)

STATES = ("online", "away")
OFFLINE = "offline"
#: How long a socket's state counts without being renewed, and how often it is renewed.
TTL_SECONDS = 90
RENEW_SECONDS = 30

Table = dict[str, str]  # socket (channel name) -> "<state> <deadline>"


def state_of(table: Table, now: float) -> str:
    """The user's state from their sockets' entries."""
    states = set()
    for value in table.values():
        state, _, deadline = value.partition(" ")
        try:
            if float(deadline) >= now:
                states.add(state)
        except ValueError:
            continue
    if "online" in states:
        return "online"
    return "away" if "away" in states else OFFLINE


def _entry(state: str, now: float) -> str:
    return f"{state} {now + TTL_SECONDS:.0f}"


def _decoded(raw: dict[Any, Any]) -> Table:
    return {
        (k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v) for k, v in raw.items()
    }


class MemoryStore:
    def __init__(self) -> None:
        self.tables: dict[int, Table] = {}

    async def change(self, user_id: int, socket: str, state: str | None) -> tuple[str, str]:
        now = time.time()
        table = self.tables.setdefault(user_id, {})
        before = state_of(table, now)
        if state is None:
            table.pop(socket, None)
        else:
            table[socket] = _entry(state, now)
        after = state_of(table, now)
        if not table:
            del self.tables[user_id]
        return before, after

    async def renew(self, sockets: Iterable[tuple[int, str, str]]) -> None:
        now = time.time()
        for user_id, socket, state in sockets:
            self.tables.setdefault(user_id, {})[socket] = _entry(state, now)

    async def states(self, user_ids: list[int]) -> dict[int, str]:
        now = time.time()
        return {user_id: state_of(self.tables.get(user_id, {}), now) for user_id in user_ids}


#: Connections to Redis per hub process for presence, and how long a change waits for one.
POOL_SIZE = 32
POOL_WAIT_SECONDS = 10


class RedisStore:
    def __init__(self, url: str, prefix: str) -> None:
        import redis.asyncio

        # A bounded pool that waits for a free connection: a thousand sockets closing at once
        # (a hub restart, a network blip) queue for it instead of failing "too many connections".
        pool = redis.asyncio.BlockingConnectionPool.from_url(url, max_connections=POOL_SIZE, timeout=POOL_WAIT_SECONDS)
        self.redis = redis.asyncio.Redis(connection_pool=pool)
        self.prefix = prefix

    def key(self, user_id: int) -> str:
        return f"{self.prefix}:chat:presence:{user_id}"

    async def change(self, user_id: int, socket: str, state: str | None) -> tuple[str, str]:
        now = time.time()
        key = self.key(user_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(key)
            if state is None:
                pipe.hdel(key, socket)
            else:
                pipe.hset(key, socket, _entry(state, now))
            pipe.expire(key, TTL_SECONDS)
            pipe.hgetall(key)
            raw_before, _, _, raw_after = await pipe.execute()
        before, after = _decoded(raw_before), _decoded(raw_after)
        stale = [name for name in after if state_of({name: after[name]}, now) == OFFLINE]
        if stale:
            await self.redis.hdel(key, *stale)
        return state_of(before, now), state_of(after, now)

    async def renew(self, sockets: Iterable[tuple[int, str, str]]) -> None:
        now = time.time()
        async with self.redis.pipeline(transaction=False) as pipe:
            for user_id, socket, state in sockets:
                pipe.hset(self.key(user_id), socket, _entry(state, now))
                pipe.expire(self.key(user_id), TTL_SECONDS)
            await pipe.execute()

    async def states(self, user_ids: list[int]) -> dict[int, str]:
        if not user_ids:
            return {}
        now = time.time()
        async with self.redis.pipeline(transaction=False) as pipe:
            for user_id in user_ids:
                pipe.hgetall(self.key(user_id))
            tables = await pipe.execute()
        return {user_id: state_of(_decoded(raw), now) for user_id, raw in zip(user_ids, tables, strict=True)}


class Presence:
    """This process's chat sockets and their states (one per event loop), in the store."""

    def __init__(self) -> None:
        self.store: MemoryStore | RedisStore = (
            RedisStore(settings.REDIS_URL, settings.REDIS_PREFIX) if settings.REDIS_URL else MemoryStore()
        )
        self.local: dict[tuple[int, str], str] = {}
        self.task: asyncio.Task[None] | None = None

    # Presence is a courtesy: if the store fails, it is logged and nothing is announced, and
    # the socket goes on (its room events do not depend on it).

    async def set(self, user_id: int, socket: str, state: str) -> tuple[str, str]:
        """This socket's new state; answers the user's state before and after."""
        self.local[(user_id, socket)] = state
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._renew(), name="chat-presence-renew")
        return await self._change(user_id, socket, state)

    async def remove(self, user_id: int, socket: str) -> tuple[str, str]:
        self.local.pop((user_id, socket), None)
        return await self._change(user_id, socket, None)

    async def _change(self, user_id: int, socket: str, state: str | None) -> tuple[str, str]:
        try:
            return await self.store.change(user_id, socket, state)
        except Exception:
            logger.exception("Could not record a chat socket's presence")
            return OFFLINE, OFFLINE

    async def states(self, user_ids: list[int]) -> dict[int, str]:
        try:
            return await self.store.states(user_ids)
        except Exception:
            logger.exception("Could not read the chat members' presence")
            return {}

    async def _renew(self) -> None:
        while self.local:
            await asyncio.sleep(RENEW_SECONDS)
            try:
                await self.store.renew([(user_id, socket, state) for (user_id, socket), state in self.local.items()])
            except Exception:
                logger.exception("Could not renew the chat sockets' presence")


presence = PerLoop(Presence)
