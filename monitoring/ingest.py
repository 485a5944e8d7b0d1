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
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from channels.db import database_sync_to_async
from django.conf import settings

from chatops.loops import PerLoop
from monitoring.events import publish
from monitoring.services import BatchResult, FrameIn, record_samples

logger = logging.getLogger(__name__)
MAX_BATCH = 500


class CommitListener(Protocol):
    async def committed(self) -> None:
        """Frames of this listener's were committed (their futures are resolved)."""

    async def not_stored(self) -> None:
        """A batch with frames of this listener's failed (their futures hold the error)."""


@dataclass
class _Pending:
    frame: FrameIn
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

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self.queue.get()]
            wait = self.started + self.interval - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)  # what arrives meanwhile joins this batch
            self.started = loop.time()
            while len(batch) < self.max_batch and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            try:
                result: BatchResult = await database_sync_to_async(record_samples)([p.frame for p in batch])
            except Exception as exc:
                logger.exception("Could not store a batch of %d frames", len(batch))
                for pending in batch:
                    if not pending.future.done():
                        pending.future.set_exception(exc)
                await _tell(batch, lambda listener: listener.not_stored())
                continue
            for pending in batch:
                if not pending.future.done():
                    pending.future.set_result(None)
            await _tell(batch, lambda listener: listener.committed())
            # Committed: now, and only now, tell the browsers.
            await publish(result.events)
            # A cancel that came while the batch was being written is absorbed by asgiref (the
            # sync call ran to completion, so it returns its result): stop here, or a loop
            # shutting down would wait for this task forever.
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise asyncio.CancelledError


async def _tell(batch: list[_Pending], call: Callable[[CommitListener], Awaitable[None]]) -> None:
    """Call each listener of the batch once, in the order of its first frame."""
    for listener in dict.fromkeys(p.listener for p in batch if p.listener is not None):
        try:
            await call(listener)
        except Exception:
            logger.exception("A commit listener failed")


batcher = PerLoop(IngestBatcher)
