"""Group commit for data frames: one writer per event loop, batches as large as the load.

Each agent socket hands its frames to the process's ``IngestBatcher`` and gets a future that
resolves once the frame is committed. The batcher writes whatever is queued in one
transaction; frames that arrive while a batch is being written form the next one. So a lone
frame is written at once (low latency) and a flood is written in large batches (throughput).
Under load, batches start at most every ``INGEST_BATCH_INTERVAL_MS``: each pays a fixed cost
(~2.7 ms of CPU and several round trips) whatever its size, and at 1,000 frames/s batches
of ~19 frames written back to back spent ~14 % of a core on that alone.

A socket that passes itself as the frame's ``listener`` is told by the batcher itself, once
per batch: ``committed()`` after the batch commits, ``not_stored()`` if it fails. The agent
socket acknowledges from there, with no task of its own to wake for every frame.

One frame must not cost the others their batch. A batch that fails on its data (text or JSON
the database cannot hold; validation should have refused it, this is the backstop) is split in
halves, written in order, until the guilty frame stands alone: it is refused (its future holds
``FrameRefused``, and it is counted like a frame refused by validation) and everything else is
stored. A batch that fails otherwise (the database is down, a lock timed out) is not split:
none of its frames is stored, and their sockets are told ``not_stored()``.

On PostgreSQL the batches are written on a thread of their own (``ingest-writer``, one per
process, with its own pooled connection), not on the process's one database thread that every
socket's ``database_sync_to_async`` shares: at 5,000 agents the handshakes, hellos and
disconnects queued behind the batches there (and the batches behind them), so connecting
agents timed out and frames waited on a busy thread rather than on the database. SQLite keeps
the database thread (one writer at a time is all it takes).

The write and the publish are looked up on the ``monitoring.ingest`` package at call time
(``seams``): tests and the ingest benchmark replace them there.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import orjson
import psycopg
from channels.db import DatabaseSyncToAsync, database_sync_to_async
from django.conf import settings
from django.db import DataError, connections

from chatops import telemetry
from chatops.loops import PerLoop
from monitoring import ingest as seams
from monitoring.ingest.plan import FrameIn
from monitoring.ingest.write import BatchResult, record_rejected_frame

logger = logging.getLogger(__name__)
MAX_BATCH = 500


# What a write raises when the data itself cannot be stored: retrying the frame cannot help.
# Anything else (connection lost, lock timeout, a bug) says nothing against the frame.
DATA_FAULTS = (DataError, psycopg.DataError, UnicodeError, orjson.JSONEncodeError, OverflowError)


class FrameRefused(Exception):
    """The frame can never be stored; it was counted as refused and its seq may be acknowledged."""


class CommitListener(Protocol):
    async def committed(self) -> None:
        """Frames of this listener's were committed or refused (their futures are resolved)."""

    async def not_stored(self) -> None:
        """A batch with frames of this listener's failed (their futures hold the error)."""


_writer: tuple[int, ThreadPoolExecutor] | None = None
_writer_lock = threading.Lock()


def writer_thread() -> ThreadPoolExecutor:
    """The process's ingest writer (made on first use, and again in a forked child)."""
    global _writer
    with _writer_lock:
        if _writer is None or _writer[0] != os.getpid():
            _writer = (os.getpid(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-writer"))
        return _writer[1]


def on_writer(fn: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """``fn`` as a coroutine function run on the ingest writer's thread (PostgreSQL) or the
    database thread (SQLite), closing the thread's connection around it either way."""
    if connections["default"].vendor != "postgresql":
        return database_sync_to_async(fn)
    return DatabaseSyncToAsync(fn, thread_sensitive=False, executor=writer_thread())


@dataclass
class _Pending:
    frame: FrameIn | None  # None: a barrier (see ``IngestBatcher.barrier``)
    future: asyncio.Future[None]
    listener: CommitListener | None


class IngestBatcher:
    def __init__(self, max_batch: int = MAX_BATCH, interval: float | None = None) -> None:
        self.max_batch = max_batch
        self.interval = settings.INGEST_BATCH_INTERVAL_MS / 1000 if interval is None else interval
        self.started = float("-inf")  # when the last batch started (loop time)
        self.queue: asyncio.Queue[_Pending] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    def enqueue(self, frame: FrameIn, listener: CommitListener | None = None) -> asyncio.Future[None]:
        """Queue a frame; the returned future resolves when it is committed (or fails)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self.queue.put_nowait(_Pending(frame, future, listener))
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run(), name="ingest-batcher")
        return future

    def barrier(self) -> asyncio.Future[None]:
        """A future that resolves once every frame queued before it has been written and its
        events published: an agent's socket closing waits on it, so that its server's
        "offline" follows the socket's last samples (a sample says "online")."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.task is None or self.task.done():
            future.set_result(None)  # nothing queued, nothing in flight
        else:
            self.queue.put_nowait(_Pending(None, future, None))
        return future

    async def _run(self) -> None:
        try:
            await self._batches()
        finally:  # cancelled (the loop is closing): nobody waits on a barrier for nothing
            while not self.queue.empty():
                pending = self.queue.get_nowait()
                if pending.frame is None:
                    _release([pending])

    async def _batches(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self.queue.get()]
            barriers = []
            if batch[0].frame is None:
                barriers, batch = batch, []
            else:
                wait = self.started + self.interval - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)  # what arrives meanwhile joins this batch
                self.started = loop.time()
            while len(batch) < self.max_batch and not self.queue.empty():
                pending = self.queue.get_nowait()
                (batch if pending.frame is not None else barriers).append(pending)
            if not batch:
                _release(barriers)
                continue
            events: list[Any] = []
            started = time.perf_counter()
            failed = await self._write(batch, events)
            telemetry.INGEST_BATCHES.observe(time.perf_counter() - started)
            telemetry.INGEST_FRAMES.inc(len(batch), "stored" if failed is None else "failed")
            if failed is not None:
                for pending in batch:
                    if not pending.future.done():
                        pending.future.set_exception(failed)
            done: list[_Pending] = []
            lost: list[_Pending] = []
            for pending in batch:
                (lost if failed is not None and pending.future.exception() is failed else done).append(pending)
            await _tell(done, lambda listener: listener.committed())
            await _tell(lost, lambda listener: listener.not_stored())
            # Committed: now, and only now, tell the browsers.
            await seams.publish(events)
            _release(barriers)
            # A cancel that came while the batch was being written is absorbed by asgiref (the
            # sync call ran to completion, so it returns its result): stop here, or a loop
            # shutting down would wait for this task forever.
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise asyncio.CancelledError

    async def _write(self, batch: list[_Pending], events: list[Any]) -> Exception | None:
        """Store ``batch`` (resolving the futures of what was stored or refused), in order;
        returns the error that stopped it, which the frames left unresolved did not cause."""
        try:
            frames = [p.frame for p in batch if p.frame is not None]
            result: BatchResult = await on_writer(seams.record_samples)(frames)
        except DATA_FAULTS as exc:
            if len(batch) > 1:
                logger.warning("A batch of %d frames holds data that cannot be stored; splitting it", len(batch))
                half = len(batch) // 2
                # In order: a stream's later frames must not be stored before its earlier ones,
                # which would then pass for replays.
                return await self._write(batch[:half], events) or await self._write(batch[half:], events)
            return await self._refuse(batch[0], exc)
        except Exception as exc:
            logger.exception("Could not store a batch of %d frames", len(batch))
            return exc
        for pending in batch:
            if not pending.future.done():
                pending.future.set_result(None)
        events += result.events
        return None

    async def _refuse(self, pending: _Pending, exc: Exception) -> Exception | None:
        frame = pending.frame
        assert frame is not None
        seq = frame.data["seq"]
        logger.error("Frame %s of server %s cannot be stored, refused: %r", seq, frame.server_id, exc)
        try:
            await on_writer(record_rejected_frame)(frame.server_id, frame.stream, seq)
        except Exception as error:
            logger.exception("Could not count a refused frame")
            return error
        if not pending.future.done():
            pending.future.set_exception(FrameRefused(f"seq {seq}: the hub cannot store this frame's data"))
        return None


def _release(barriers: list[_Pending]) -> None:
    for barrier in barriers:
        if not barrier.future.done():
            barrier.future.set_result(None)


async def _tell(batch: list[_Pending], call: Callable[[CommitListener], Awaitable[None]]) -> None:
    """Call each listener of the batch once, in the order of its first frame."""
    for listener in dict.fromkeys(p.listener for p in batch if p.listener is not None):
        try:
            await call(listener)
        except Exception:
            logger.exception("A commit listener failed")


batcher = PerLoop(IngestBatcher)
