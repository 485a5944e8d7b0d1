"""Group commit for data frames: one writer per event loop, batches as large as the load.

Each agent socket hands its frames to the process's ``IngestBatcher`` and gets a future that
resolves once the frame is committed. The batcher writes whatever is queued in one
transaction; frames that arrive while a batch is being written form the next one. So a lone
frame is written at once (low latency) and a flood is written in large batches (throughput),
without a timer to tune.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from channels.db import database_sync_to_async

from chatops.loops import PerLoop
from monitoring.events import publish
from monitoring.services import BatchResult, FrameIn, record_samples

logger = logging.getLogger(__name__)
MAX_BATCH = 500


@dataclass
class _Pending:
    frame: FrameIn
    future: asyncio.Future[None]


class IngestBatcher:
    def __init__(self, max_batch: int = MAX_BATCH) -> None:
        self.max_batch = max_batch
        self.queue: asyncio.Queue[_Pending] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    def enqueue(self, frame: FrameIn) -> asyncio.Future[None]:
        """Queue a frame; the returned future resolves when it is committed (or fails)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self.queue.put_nowait(_Pending(frame, future))
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run(), name="ingest-batcher")
        return future

    async def _run(self) -> None:
        while True:
            batch = [await self.queue.get()]
            while len(batch) < self.max_batch and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            try:
                result: BatchResult = await database_sync_to_async(record_samples)([p.frame for p in batch])
            except Exception as exc:
                logger.exception("Could not store a batch of %d frames", len(batch))
                for pending in batch:
                    if not pending.future.done():
                        pending.future.set_exception(exc)
                continue
            for pending in batch:
                if not pending.future.done():
                    pending.future.set_result(None)
            # Committed: now, and only now, tell the browsers.
            await publish(result.events)
            # A cancel that came while the batch was being written is absorbed by asgiref (the
            # sync call ran to completion, so it returns its result): stop here, or a loop
            # shutting down would wait for this task forever.
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise asyncio.CancelledError


batcher = PerLoop(IngestBatcher)
