"""The consumer base every socket of the hub stands on: one reader per source, handled in order."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any, cast

from channels.consumer import AsyncConsumer, get_handler_name
from channels.exceptions import StopConsumer
from channels.layers import get_channel_layer

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def _receiver(layer: Any) -> Callable[[str], Awaitable[dict[str, Any]]]:
    """The layer's ``receive``; for the Redis pub/sub layer, its per-loop layer's own: the
    shared layer forwards each call to the running loop's layer (a weak-keyed lookup and a
    proxy coroutine per message), and a consumer's messages all come on the loop it runs on.
    ``_get_layer`` is not public API: a layer without it is received from as before."""
    per_loop = getattr(layer, "_get_layer", None)
    if per_loop is not None:
        return cast(Callable[[str], Awaitable[dict[str, Any]]], per_loop().receive)
    return cast(Callable[[str], Awaitable[dict[str, Any]]], layer.receive)


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
            consumer.channel_receive = functools.partial(_receiver(consumer.channel_layer), consumer.channel_name)
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
