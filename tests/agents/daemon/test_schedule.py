"""The sampler's schedule: a fixed grid of the monotonic clock, no drift, overruns skipped."""

from __future__ import annotations

import asyncio
import time

from tests.agents.daemon.conftest import make_agent, make_settings, running


class SlowCollector:
    """Takes ``cost`` seconds per sample (in the sampler's thread) and notes when it started."""

    def __init__(self, cost: float) -> None:
        self.cost = cost
        self.starts: list[float] = []

    def __call__(self) -> dict:
        self.starts.append(time.monotonic())
        time.sleep(self.cost)
        return {"ts": time.time(), "values": {"cpu_percent": 1.0}}


async def test_samples_keep_to_the_grid_however_long_collecting_takes(tmp_path):
    collect = SlowCollector(cost=0.04)
    agent = make_agent(make_settings(tmp_path, "http://127.0.0.1:9", interval=0.1), collect)
    async with running(agent):
        await asyncio.sleep(1.25)
    starts = collect.starts
    assert len(starts) >= 10
    # Sleeping "interval after the last one" would put the 10th sample 9 * 0.04 s = 0.36 s late.
    late = [starts[n] - starts[0] - n * 0.1 for n in range(10)]
    assert max(abs(offset) for offset in late) < 0.08, late


async def test_a_collection_longer_than_the_interval_skips_ticks_instead_of_bunching_them(tmp_path):
    collect = SlowCollector(cost=0.25)
    agent = make_agent(make_settings(tmp_path, "http://127.0.0.1:9", interval=0.1), collect)
    async with running(agent):
        await asyncio.sleep(1.2)
    gaps = [b - a for a, b in zip(collect.starts, collect.starts[1:], strict=False)]
    assert gaps and min(gaps) >= 0.25  # never two collections back to back to "catch up"
    assert all(abs(gap / 0.1 - round(gap / 0.1)) < 0.5 for gap in gaps)  # still on the 0.1 s grid
