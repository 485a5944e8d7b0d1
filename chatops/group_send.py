"""Send many group messages at once.

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

import logging
from collections.abc import Sequence
from typing import Any

logger = logging.getLogger(__name__)

Message = tuple[str, dict[str, Any]]


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
    by_shard: dict[int, tuple[Any, list[tuple[str, bytes]]]] = {}
    for group, message in messages:
        channel = loop_layer._get_group_channel_name(group)
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
