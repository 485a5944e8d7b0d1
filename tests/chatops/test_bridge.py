"""bridge.call: synchronous code reaches the channel layer on the hub's loop when it runs under
``sync_to_async``, and otherwise on one lasting loop per process (not a new loop, thread and
Redis connection per call, as ``async_to_sync`` makes there)."""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest
from asgiref.sync import sync_to_async
from channels_redis.pubsub import RedisPubSubChannelLayer
from django.conf import settings

from chatops.realtime import bridge
from chatops.realtime.groups import group_send_many, watched_groups

needs_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set (the pub/sub layer needs Redis)")


async def where() -> tuple[asyncio.AbstractEventLoop, str]:
    return asyncio.get_running_loop(), threading.current_thread().name


def in_threads(count: int, fn) -> list:
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(fn())) for _ in range(count)]
    for thread in threads:
        thread.start()
        thread.join()
    return results


def test_calls_without_a_hub_loop_share_one_lasting_loop_on_its_own_thread():
    seen = [*in_threads(3, lambda: bridge.call(where)), bridge.call(where)]
    loops = {loop for loop, _ in seen}
    assert len(loops) == 1
    assert {name for _, name in seen} == {"realtime-bridge"}
    assert next(iter(loops)).is_running()


async def test_under_sync_to_async_the_call_goes_to_the_hub_loop():
    loop, name = await sync_to_async(bridge.call)(where)
    assert loop is asyncio.get_running_loop()
    assert name == threading.current_thread().name


async def test_from_async_code_it_refuses():
    with pytest.raises(RuntimeError, match="await the coroutine"):
        bridge.call(where)


def test_an_exception_reaches_the_caller():
    async def fails() -> None:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        bridge.call(fails)


@needs_redis
def test_publishes_from_threads_reach_a_subscriber_over_one_watched_groups_listing():
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    layer = RedisPubSubChannelLayer(hosts=[settings.REDIS_URL], prefix=prefix)

    async def subscribe() -> str:
        channel = await layer.new_channel()
        await layer.group_add("server.1.metrics", channel)
        return channel

    async def receive(channel: str, count: int) -> list[dict]:
        return [await asyncio.wait_for(layer.receive(channel), timeout=5) for _ in range(count)]

    async def layer_of_this_loop():
        return watched_groups(layer)

    channel = bridge.call(subscribe)
    in_threads(3, lambda: bridge.call(group_send_many, layer, [("server.1.metrics", {"type": "x.y"})]))
    assert [m["type"] for m in bridge.call(receive, channel, 3)] == ["x.y"] * 3
    # One loop, so one layer per loop and one list of watched groups for all three calls.
    assert len(layer._layers) == 1
    assert bridge.call(layer_of_this_loop).channels is not None
    bridge.call(layer.flush)
