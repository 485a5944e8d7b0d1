"""The group-commit batcher's life: it stops when cancelled, after acknowledging what it wrote."""

from __future__ import annotations

import asyncio
import contextlib
import threading

import pytest
from channels.db import database_sync_to_async
from django.db import connections

from monitoring import ingest
from monitoring.ingest import BatchResult, FrameIn, IngestBatcher


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


def counting_batches(monkeypatch) -> list[list[int]]:
    """Stand in for the database write, recording each batch's seqs."""
    batches: list[list[int]] = []

    def writing(frames: list[FrameIn]) -> BatchResult:
        batches.append([f.data["seq"] for f in frames])
        return BatchResult(stored=len(frames))

    async def nothing(events: list) -> None:
        return None

    monkeypatch.setattr(ingest, "record_samples", writing)
    monkeypatch.setattr(ingest, "publish", nothing)
    return batches


async def test_frames_soon_after_a_batch_started_wait_and_go_together(monkeypatch):
    batches = counting_batches(monkeypatch)
    batcher = IngestBatcher(interval=0.5)
    await asyncio.wait_for(batcher.enqueue(frame(1)), 10)
    later = [batcher.enqueue(frame(seq)) for seq in (2, 3)]
    await asyncio.sleep(0.02)
    later.append(batcher.enqueue(frame(4)))
    await asyncio.wait_for(asyncio.gather(*later), 10)
    # Back to back (interval 0), 2 and 3 would have been written before 4 arrived.
    assert batches == [[1], [2, 3, 4]]
    assert batcher.task is not None
    batcher.task.cancel()


async def test_a_frame_after_a_quiet_spell_is_written_at_once(monkeypatch):
    batches = counting_batches(monkeypatch)
    batcher = IngestBatcher(interval=60)
    # The first batch starts at once, though the interval is a minute...
    await asyncio.wait_for(batcher.enqueue(frame(1)), 10)
    # ...and the next one only when the minute has passed.
    second = batcher.enqueue(frame(2))
    await asyncio.sleep(0.3)
    assert not second.done()
    assert batches == [[1]]
    assert batcher.task is not None
    batcher.task.cancel()


async def test_back_to_back_without_an_interval(monkeypatch):
    batches = counting_batches(monkeypatch)
    batcher = IngestBatcher(interval=0)
    for seq in (1, 2, 3):
        await asyncio.wait_for(batcher.enqueue(frame(seq)), 10)
    assert batches == [[1], [2], [3]]
    assert batcher.task is not None
    batcher.task.cancel()


@pytest.mark.skipif(connections["default"].vendor != "postgresql", reason="SQLite writes on the database thread")
async def test_on_postgresql_a_batch_is_written_while_the_database_thread_is_busy(monkeypatch):
    """Handshakes, hellos and disconnects use channels' one database thread; a batch must not
    queue behind them (nor they behind it): it is written on the ingest writer's thread."""
    written_on: list[str] = []

    def writing(frames: list[FrameIn]) -> BatchResult:
        written_on.append(threading.current_thread().name)
        return BatchResult(stored=len(frames))

    monkeypatch.setattr(ingest, "record_samples", writing)
    release = threading.Event()
    busy = asyncio.ensure_future(database_sync_to_async(release.wait)(10))
    await asyncio.sleep(0.05)  # the database thread is now waiting
    batcher = IngestBatcher()
    try:
        await asyncio.wait_for(batcher.enqueue(frame(1)), 5)
    finally:
        release.set()
        await busy
    assert written_on[0].startswith("ingest-writer")
    assert batcher.task is not None
    batcher.task.cancel()
