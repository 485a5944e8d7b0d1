"""Broadcast after commit: nothing is pushed that was rolled back.

Inside the hub's server (daphne), Django runs synchronous views and consumers' database calls
in one thread. Waiting there for the channel layer (``async_to_sync``) costs every request a
round trip through a busy event loop; so a commit's messages are handed to the loop and the
thread goes on. On the loop, one publisher per loop sends them in the order they were handed
over (everything published in one process keeps its order), taking whatever queued up meanwhile
into one pipeline per Redis shard. Outside a server (the worker, a management command, a sync
test) there is no loop to hand to, and the commit waits for its messages as before.
"""

from __future__ import annotations

import asyncio
import logging
import os
import weakref
from collections.abc import Mapping, Sequence
from typing import Any

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from chatops.realtime.groups import group_send_many

logger = logging.getLogger(__name__)

# (group, event): an event is a TypedDict of its app's ``events.py``, with a dotted ``type``.
Messages = Sequence[tuple[str, Mapping[str, Any]]]


class Publisher:
    """One per event loop: a queue of batches and the task that sends them in order."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[tuple[Messages, asyncio.Future[None] | None]] = asyncio.Queue()
        self.task = asyncio.get_running_loop().create_task(self._run(), name="chatops-publisher")

    def put(self, messages: Messages, done: asyncio.Future[None] | None = None) -> None:
        self.queue.put_nowait((messages, done))

    async def _run(self) -> None:
        while True:
            batch = [await self.queue.get()]
            while not self.queue.empty():
                batch.append(self.queue.get_nowait())
            try:
                await _send([message for messages, _ in batch for message in messages])
            except Exception:  # group_send_many logs its own failures; anything else too
                logger.exception("Could not publish %d batches", len(batch))
            for _, done in batch:
                if done is not None and not done.done():
                    done.set_result(None)

    async def drain(self) -> None:
        """Wait until everything queued before this call is sent."""
        done = asyncio.get_running_loop().create_future()
        self.put((), done)
        await done


_publishers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Publisher] = weakref.WeakKeyDictionary()


def publisher() -> Publisher:
    """The running loop's publisher (made on first use)."""
    loop = asyncio.get_running_loop()
    found = _publishers.get(loop)
    if found is None or found.task.done():
        found = _publishers[loop] = Publisher()
    return found


def _server_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop this thread was called from through ``sync_to_async``, if any."""
    if getattr(SyncToAsync.threadlocal, "main_event_loop_pid", None) != os.getpid():
        return None
    loop: asyncio.AbstractEventLoop | None = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    return loop if loop is not None and loop.is_running() and not loop.is_closed() else None


def publish_soon(messages: Messages) -> None:
    """From synchronous code: hand ``messages`` to the server's loop without waiting for the
    send; with no loop to hand to, send them now and wait."""
    loop = _server_loop()
    if loop is None:
        async_to_sync(publish)(messages)
        return
    try:
        loop.call_soon_threadsafe(lambda: publisher().put(messages))
    except RuntimeError:  # the loop closed between the check and the call: the process is stopping
        logger.warning("Dropped %d live messages: the event loop is closed", len(messages))


def publish_after_commit(messages: Messages) -> None:
    """From synchronous code inside a transaction: publish once it commits (not at all if it
    rolls back)."""
    if messages:
        transaction.on_commit(lambda: publish_soon(messages))


async def publish(messages: Messages) -> None:
    """Send to groups, after whatever this process queued before, and wait until sent. Call
    only after the data is committed: the channel layer is fan-out, at most once; the database
    holds the durable copy."""
    if not messages:
        return
    done = asyncio.get_running_loop().create_future()
    publisher().put(messages, done)
    await done


async def _send(messages: Messages) -> None:
    layer = get_channel_layer()
    if layer is None or not messages:
        return
    await group_send_many(layer, [(group, dict(event)) for group, event in messages])
