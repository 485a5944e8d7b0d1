"""Compare the two channels_redis layers on the hub's fan-out pattern.

Many groups (one per server) each with a few subscribers (browser sockets); publishers do
``group_send`` concurrently, as the ingest batcher does after each commit. Prints, for each
layer: messages delivered per second, p50/p99 publish-to-receive latency, and losses.

    .venv/bin/python bench/channel_layer/run.py --groups 200 --subscribers 2 --messages 20000

Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/12). Bounded: every wait has a timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import time
import uuid
from typing import Any

from channels_redis.core import RedisChannelLayer
from channels_redis.pubsub import RedisPubSubChannelLayer


async def run(layer: Any, groups: int, subscribers: int, messages: int, concurrency: int) -> dict[str, float]:
    channels: list[tuple[str, str]] = []
    for g in range(groups):
        for _ in range(subscribers):
            channel = await layer.new_channel()
            await layer.group_add(f"bench.{g}", channel)
            channels.append((f"bench.{g}", channel))
    latencies: list[float] = []
    received = 0
    expected = messages * subscribers
    done = asyncio.Event()

    async def reader(channel: str) -> None:
        nonlocal received
        while not done.is_set():
            try:
                message = await asyncio.wait_for(layer.receive(channel), 2)
            except TimeoutError:
                continue
            latencies.append(time.perf_counter() - message["sent"])
            received += 1
            if received >= expected:
                done.set()

    readers = [asyncio.ensure_future(reader(channel)) for _, channel in channels]
    await asyncio.sleep(0.5)  # subscriptions settle
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(messages):
        queue.put_nowait(i)

    async def publisher() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            await layer.group_send(f"bench.{i % groups}", {"type": "bench", "sent": time.perf_counter(), "i": i})

    started = time.perf_counter()
    await asyncio.gather(*(publisher() for _ in range(concurrency)))
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), 60)
    elapsed = time.perf_counter() - started
    done.set()
    for task in readers:
        task.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    latencies.sort()
    return {
        "delivered_per_s": received / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan"),
        # Not delivered within the bounded wait (60 s after the last publish).
        "lost": expected - received,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--subscribers", type=int, default=2)
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12")
    for name, cls in (("RedisPubSubChannelLayer", RedisPubSubChannelLayer), ("RedisChannelLayer", RedisChannelLayer)):
        layer = cls(hosts=[url], prefix=f"bench-{uuid.uuid4().hex[:6]}")
        result = await run(layer, args.groups, args.subscribers, args.messages, args.concurrency)
        print(
            f"{name:25s} delivered/s {result['delivered_per_s']:9.0f}   p50 {result['p50_ms']:8.1f} ms   "
            f"p99 {result['p99_ms']:8.1f} ms   lost {result['lost']:.0f}"
        )
        close = getattr(layer, "flush", None)
        if close is not None:
            await close()


if __name__ == "__main__":
    asyncio.run(main())
