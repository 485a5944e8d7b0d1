"""The group-commit batcher's life: it stops when cancelled, after acknowledging what it wrote."""

from __future__ import annotations

import asyncio
import contextlib

from monitoring import ingest
from monitoring.ingest import IngestBatcher
from monitoring.services import BatchResult, FrameIn


def frame(seq: int) -> FrameIn:
    data = {"type": "data", "seq": seq, "samples": [], "logs": [], "dropped": {"samples": 0, "logs": 0}}
    return FrameIn(1, "stream-000001", data)  # type: ignore[arg-type]


async def test_a_batcher_cancelled_while_busy_stops_even_if_the_cancel_was_absorbed(monkeypatch):
    """asgiref returns a sync call's result when the call finished despite a cancel, and a
    client library may do the same; the batcher must still stop, or shutdown waits forever."""
    publishing = asyncio.Event()

    def writing(frames: list[FrameIn]) -> BatchResult:
        return BatchResult(stored=len(frames))

    async def absorbing(events: list) -> None:
        publishing.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(10)

    monkeypatch.setattr(ingest, "record_samples", writing)
    monkeypatch.setattr(ingest, "publish", absorbing)
    batcher = IngestBatcher()
    committed = batcher.enqueue(frame(1))
    await asyncio.wait_for(publishing.wait(), 10)
    assert committed.done() and committed.exception() is None  # acknowledged before publishing
    assert batcher.task is not None
    batcher.task.cancel()
    await asyncio.wait([batcher.task], timeout=10)
    assert batcher.task.cancelled()
