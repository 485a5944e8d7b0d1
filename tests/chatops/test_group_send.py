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

from chatops.realtime import groups as group_send
from chatops.realtime.groups import WATCH_GROUP, announce, group_send_many, pipelined, watched_groups

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


# --- Only to groups somebody watches ------------------------------------------------------------


class Spy:
    """A pattern subscriber on every group channel of a prefix: it sees each PUBLISH, and being
    a pattern it does not count as a subscriber of any channel (PUBSUB CHANNELS)."""

    def __init__(self, prefix: str) -> None:
        import redis.asyncio

        self.client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
        self.pubsub = self.client.pubsub()
        self.prefix = prefix

    async def __aenter__(self) -> Spy:
        await self.pubsub.psubscribe(f"{self.prefix}__group__*")
        await self.pubsub.get_message(timeout=1)  # the psubscribe confirmation
        return self

    async def seen(self, wait: float = 0.3) -> list[str]:
        names = []
        deadline = asyncio.get_running_loop().time() + wait
        while (left := deadline - asyncio.get_running_loop().time()) > 0:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=left)
            if message and message["type"] == "pmessage":
                names.append(message["channel"].decode().split("__group__", 1)[1])
        return [n for n in names if n != WATCH_GROUP]

    async def __aexit__(self, *exc: object) -> None:
        await self.pubsub.aclose()
        await self.client.aclose()


@pytest.fixture
async def two_processes():
    """The publishing hub process and another one: two layers, each its own Redis connections."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    here = RedisPubSubChannelLayer(hosts=[settings.REDIS_URL], prefix=prefix)
    there = RedisPubSubChannelLayer(hosts=[settings.REDIS_URL], prefix=prefix)
    yield prefix, here, there
    await here.flush()
    await there.flush()


async def listening(layer) -> None:
    """Until the layer's process listens for announcements."""
    for _ in range(100):
        if layer._get_layer()._get_group_channel_name(WATCH_GROUP) in layer._get_layer().groups:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the announcement listener did not join")


@needs_redis
async def test_a_group_nobody_watches_is_not_published(two_processes):
    prefix, here, _there = two_processes
    mine = await subscribed(here, "server.1.metrics")
    async with Spy(prefix) as spy:
        await group_send_many(here, [("server.2.metrics", {"type": "x"}), ("server.1.metrics", {"type": "x"})])
        assert await spy.seen() == ["server.1.metrics"]
    assert len(await drain(here, mine["server.1.metrics"], 1)) == 1


@needs_redis
async def test_a_member_in_another_process_that_announces_gets_the_next_message(two_processes, monkeypatch):
    monkeypatch.setattr(group_send, "WATCH_REFRESH_SECONDS", 3600)  # no refresh: the announcement only
    _prefix, here, there = two_processes
    await group_send_many(here, [("server.1.metrics", {"type": "before"})])
    await listening(here)
    theirs = await subscribed(there, "server.1.metrics")
    await announce(there, "server.1.metrics")
    for _ in range(100):
        if here._get_layer()._get_group_channel_name("server.1.metrics") in (watched_groups(here).channels or ()):
            break
        await asyncio.sleep(0.01)
    await group_send_many(here, [("server.1.metrics", {"type": "after"})])
    assert [m["type"] for m in await drain(there, theirs["server.1.metrics"], 1)] == ["after"]


@needs_redis
async def test_the_refresh_finds_members_that_did_not_announce_and_forgets_those_gone(two_processes, monkeypatch):
    monkeypatch.setattr(group_send, "WATCH_REFRESH_SECONDS", 3600)
    prefix, here, there = two_processes
    await group_send_many(here, [("server.1.metrics", {"type": "x"})])  # known: nobody watches
    theirs = await subscribed(there, "server.1.metrics")
    async with Spy(prefix) as spy:
        await group_send_many(here, [("server.1.metrics", {"type": "x"})])
        assert await spy.seen() == []  # not heard of yet
        monkeypatch.setattr(group_send, "WATCH_REFRESH_SECONDS", 0)
        await group_send_many(here, [("server.1.metrics", {"type": "x"})])  # starts a refresh
        await watched_groups(here).refreshing
        await group_send_many(here, [("server.1.metrics", {"type": "seen"})])
        assert await spy.seen() == ["server.1.metrics"]
        assert [m["type"] for m in await drain(there, theirs["server.1.metrics"], 1)] == ["seen"]

        await there.group_discard("server.1.metrics", theirs["server.1.metrics"])
        await group_send_many(here, [("server.1.metrics", {"type": "x"})])
        await watched_groups(here).refreshing
        await spy.seen()
        await group_send_many(here, [("server.1.metrics", {"type": "x"})])
        assert await spy.seen() == []


@needs_redis
async def test_without_an_answer_from_redis_every_group_is_sent_to(two_processes, monkeypatch, caplog):
    prefix, here, _there = two_processes

    async def failing(self, pattern):
        raise ConnectionError("PUBSUB CHANNELS refused")

    import redis.asyncio

    monkeypatch.setattr(redis.asyncio.Redis, "pubsub_channels", failing)
    async with Spy(prefix) as spy:
        with caplog.at_level(logging.ERROR, logger="chatops.group_send"):
            await group_send_many(here, [("server.9.metrics", {"type": "x"})])
        assert await spy.seen() == ["server.9.metrics"]
    assert "sending to every group" in caplog.text


@needs_redis
async def test_a_consumer_receives_from_the_pubsub_layer_of_its_own_loop():
    """``DirectDispatch`` reads from the running loop's pub/sub layer itself, not through the
    shared layer's per-call proxy; what it receives is the same. ``_get_layer`` is not public:
    this fails if channels_redis drops it (and the dispatcher would fall back to the proxy)."""
    from chatops.realtime.dispatch import _receiver

    layer = RedisPubSubChannelLayer(hosts=[settings.REDIS_URL], prefix=f"test-{uuid.uuid4().hex[:8]}")
    try:
        receive = _receiver(layer)
        assert receive.__self__ is layer._get_layer()
        channels = await subscribed(layer, "chat.room.1")
        await layer.group_send("chat.room.1", {"type": "message.created", "n": 1})
        assert await asyncio.wait_for(receive(channels["chat.room.1"]), timeout=5) == {
            "type": "message.created",
            "n": 1,
        }
    finally:
        await layer.flush()
    memory = InMemoryChannelLayer()
    assert _receiver(memory) == memory.receive
