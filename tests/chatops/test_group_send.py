"""group_send_many: a batch of group messages through one Redis pipeline, in order, to real
subscribers; other layers one message at a time; failures logged, never raised."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest
from channels.layers import InMemoryChannelLayer
from channels_redis.pubsub import RedisPubSubChannelLayer
from django.conf import settings

from chatops.group_send import group_send_many, pipelined

needs_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set (the pub/sub layer needs Redis)")


async def subscribed(layer, *groups: str) -> dict[str, str]:
    """A channel of the layer per group, subscribed to it."""
    channels = {}
    for group in groups:
        channels[group] = await layer.new_channel()
        await layer.group_add(group, channels[group])
    return channels


async def drain(layer, channel: str, count: int) -> list[dict]:
    return [await asyncio.wait_for(layer.receive(channel), timeout=5) for _ in range(count)]


@needs_redis
async def test_the_pubsub_layer_gets_a_batch_in_order_through_a_pipeline():
    layer = RedisPubSubChannelLayer(hosts=[settings.REDIS_URL], prefix=f"test-{uuid.uuid4().hex[:8]}")
    assert pipelined(layer), "channels_redis changed the internals group_send_many pipelines through"
    try:
        channels = await subscribed(layer, "server.1.metrics", "fleet.metrics")
        messages = []
        for i in range(300):
            messages.append(("server.1.metrics", {"type": "metrics.sample", "n": i}))
            if i % 3 == 0:
                messages.append(("fleet.metrics", {"type": "metrics.sample", "n": i}))
        messages.append(("nobody.listens", {"type": "metrics.sample", "n": -1}))
        await group_send_many(layer, messages)
        server = await drain(layer, channels["server.1.metrics"], 300)
        fleet = await drain(layer, channels["fleet.metrics"], 100)
        assert [m["n"] for m in server] == list(range(300))
        assert [m["n"] for m in fleet] == list(range(0, 300, 3))
    finally:
        await layer.flush()


@needs_redis
async def test_the_pubsub_layer_spreads_a_batch_over_its_shards():
    # Two "hosts" (the same Redis under two database numbers): each group's channel has its shard.
    hosts = [settings.REDIS_URL.rsplit("/", 1)[0] + "/1", settings.REDIS_URL.rsplit("/", 1)[0] + "/2"]
    layer = RedisPubSubChannelLayer(hosts=hosts, prefix=f"test-{uuid.uuid4().hex[:8]}")
    try:
        groups = [f"server.{i}.metrics" for i in range(8)]
        channels = await subscribed(layer, *groups)
        await group_send_many(layer, [(g, {"type": "metrics.sample", "group": g}) for g in groups])
        for group in groups:
            assert (await drain(layer, channels[group], 1))[0]["group"] == group
    finally:
        await layer.flush()


async def test_an_unreachable_redis_is_logged_not_raised(caplog):
    layer = RedisPubSubChannelLayer(hosts=["redis://127.0.0.1:1/0"], prefix="test-unreachable")
    with caplog.at_level(logging.ERROR, logger="chatops.group_send"):
        await group_send_many(layer, [("fleet.metrics", {"type": "metrics.sample"})] * 3)
    assert "Could not publish 3 messages" in caplog.text


async def test_other_layers_get_one_message_at_a_time_in_order(caplog):
    layer = InMemoryChannelLayer()
    assert not pipelined(layer)
    channels = await subscribed(layer, "server.1.metrics")
    await group_send_many(layer, [("server.1.metrics", {"type": "metrics.sample", "n": i}) for i in range(20)])
    assert [m["n"] for m in await drain(layer, channels["server.1.metrics"], 20)] == list(range(20))
    # A bad group name is refused by the layer: logged, and the rest still sent.
    with caplog.at_level(logging.ERROR, logger="chatops.group_send"):
        await group_send_many(
            layer, [("bad group name!", {"type": "x"}), ("server.1.metrics", {"type": "metrics.sample", "n": 99})]
        )
    assert "Could not publish x to bad group name!" in caplog.text
    assert (await drain(layer, channels["server.1.metrics"], 1))[0]["n"] == 99
