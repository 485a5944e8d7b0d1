"""Send many group messages at once (the channel layer's fan-out, for every app).

Ingest publishes two or more events per committed frame (the server's own stream, the fleet
stream, alerts). Channels' ``group_send`` sends one message per call, and the Redis pub/sub
layer makes each call one ``PUBLISH`` round trip under a per-connection lock: a batch of 500
frames waited on a thousand round trips, one after another, before the next batch could be
written. ``group_send_many`` sends a batch of messages to the pub/sub layer through one Redis
pipeline per shard (one round trip, order kept), and to any other layer one by one.

The pipeline uses channels_redis's own shard connections, their lock and serializer: those
are not public API, so every name used is checked, and a layer without them is sent to one
message at a time as before (``pipelined`` says which path a layer takes; a test pins it).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import weakref
from collections.abc import Sequence
from typing import Any

logger = logging.getLogger(__name__)

Message = tuple[str, dict[str, Any]]

# Where a process that joins a group says so, to every hub process at once (``announce``).
WATCH_GROUP = "hub.watch"
# How often each process asks Redis which groups have subscribers (``WatchedGroups``).
WATCH_REFRESH_SECONDS = 2.0


class WatchedGroups:
    """Which groups have a member in some hub process, for one pub/sub layer of one loop.

    Ingest publishes two events per frame (the server's stream, the fleet's), and in a fleet
    most servers have nobody watching them: serializing and publishing those messages for
    nobody was ~9 % of a hub's event loop at 800 agents. ``group_send_many`` sends only to
    groups known to have a member:

    - in this process: the layer's own group table, at once;
    - in another: every process asks Redis for the group channels that have a subscriber
      (``PUBSUB CHANNELS``) on first use and every ``WATCH_REFRESH_SECONDS``, and a process
      that joins a group says so on ``WATCH_GROUP`` right after subscribing (``announce``),
      which every process hears within a Redis round trip. The refresh also forgets groups
      nobody watches any more, and covers an announcement lost on the way.

    Until the first answer from Redis (or if it fails), everything is sent, as before.
    """

    def __init__(self, layer: Any, loop_layer: Any) -> None:
        self.layer = layer
        self.loop_layer = loop_layer
        self.channels: set[str] | None = None
        self.heard: set[str] = set()  # announced since the refresh in flight began
        self.fetched_at = 0.0
        self.refreshing: asyncio.Task[None] | None = None
        self.listener: asyncio.Task[None] | None = None

    async def current(self) -> set[str] | None:
        """The group channels with a subscriber somewhere, or None: not known, send to all."""
        if self.listener is None or self.listener.done():
            self.listener = asyncio.ensure_future(self._listen())
        if self.channels is None:
            await self._refresh()
        elif time.monotonic() - self.fetched_at >= WATCH_REFRESH_SECONDS and (
            self.refreshing is None or self.refreshing.done()
        ):
            self.refreshing = asyncio.ensure_future(self._refresh())
        return self.channels

    async def _refresh(self) -> None:
        self.heard = set()
        pattern = re.sub(r"([*?\[\]\\])", r"\\\1", self.loop_layer._get_group_channel_name("")) + "*"
        found: set[str] = set()
        try:
            for shard in self.loop_layer._shards:
                async with shard._lock:
                    shard._ensure_redis()
                    names = await shard._redis.pubsub_channels(pattern)
                found.update(n.decode() if isinstance(n, bytes) else n for n in names)
        except Exception:
            logger.exception("Could not list the groups with subscribers; sending to every group")
            self.channels = None
            return
        self.channels = found | self.heard
        self.fetched_at = time.monotonic()

    async def _listen(self) -> None:
        channel = await self.layer.new_channel()
        await self.layer.group_add(WATCH_GROUP, channel)
        while True:
            message = await self.layer.receive(channel)
            name = message.get("channel")
            if isinstance(name, str):
                self.heard.add(name)
                if self.channels is not None:
                    self.channels.add(name)

    def wanted(self, channel: str, watched: set[str] | None) -> bool:
        return watched is None or channel in watched or channel in self.loop_layer.groups


_watched: weakref.WeakKeyDictionary[Any, WatchedGroups] = weakref.WeakKeyDictionary()


def watched_groups(layer: Any) -> WatchedGroups:
    loop_layer = layer._get_layer()
    if loop_layer not in _watched:
        _watched[loop_layer] = WatchedGroups(layer, loop_layer)
    return _watched[loop_layer]


async def announce(layer: Any, group: str) -> None:
    """After ``group_add``: tell every hub process that ``group`` has a member now, so their
    ``group_send_many`` sends to it from the next message on."""
    if not pipelined(layer):
        return
    channel = layer._get_layer()._get_group_channel_name(group)
    try:
        await layer.group_send(WATCH_GROUP, {"type": "watch.added", "channel": channel})
    except Exception:
        logger.exception("Could not announce a member of %s (the next refresh will see it)", group)


def pipelined(layer: Any) -> bool:
    """Whether ``layer`` is sent to through a pipeline (the Redis pub/sub layer, as known)."""
    try:
        from channels_redis.pubsub import RedisPubSubChannelLayer, RedisPubSubLoopLayer, RedisSingleShardConnection
    except ImportError:  # pragma: no cover - channels-redis is a dependency
        return False
    return (
        isinstance(layer, RedisPubSubChannelLayer)
        and all(hasattr(RedisPubSubChannelLayer, name) for name in ("_get_layer", "serialize"))
        and all(hasattr(RedisPubSubLoopLayer, name) for name in ("_get_shard", "_get_group_channel_name"))
        and hasattr(RedisSingleShardConnection, "_ensure_redis")
    )


async def group_send_many(layer: Any, messages: Sequence[Message]) -> None:
    """Send each ``(group, message)`` in order. A message that cannot be sent is logged, not
    raised: the caller has committed the data already, and the stream is at most once."""
    if not messages:
        return
    if not pipelined(layer):
        for group, message in messages:
            try:
                await layer.group_send(group, message)
            except Exception:
                logger.exception("Could not publish %s to %s", message.get("type"), group)
        return
    loop_layer = layer._get_layer()
    # A layer without the group table and shards (another channels_redis) sends to all.
    watch = watched_groups(layer) if hasattr(loop_layer, "_shards") and hasattr(loop_layer, "groups") else None
    watched = await watch.current() if watch is not None else None
    by_shard: dict[int, tuple[Any, list[tuple[str, bytes]]]] = {}
    for group, message in messages:
        channel = loop_layer._get_group_channel_name(group)
        if watch is not None and not watch.wanted(channel, watched):
            continue
        shard = loop_layer._get_shard(channel)
        by_shard.setdefault(id(shard), (shard, []))[1].append((channel, layer.serialize(message)))
    for shard, batch in by_shard.values():
        try:
            async with shard._lock:
                shard._ensure_redis()
                async with shard._redis.pipeline(transaction=False) as pipe:
                    for channel, payload in batch:
                        pipe.publish(channel, payload)
                    await pipe.execute()
        except Exception:
            logger.exception("Could not publish %d messages to the channel layer", len(batch))
