"""Answers to the hub's requests (commands, Docker) on their way to the socket.

They are not data frames: no seq, no ack, never in the on-disk buffer, and outside the hub's
window (which counts data frames only). A result that is ready while the link is down waits
here, in memory, for ``keep_for`` seconds (the hub gives up on a request about a minute after
its timeout anyway), and is sent after the next ``welcome``; then it is dropped with a log
line. Live output (``command.output``) is only worth something while someone watches: it is
never kept for a later connection.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from chatops_agent.protocol import dumps

log = logging.getLogger(__name__)

KEEP_FOR = 60.0  # seconds an answer waits for a connection
MAX_BYTES = 32 << 20  # a bound on memory: 4 running commands' results are a few MiB at most


@dataclass(frozen=True)
class Reply:
    """One answer, encoded once."""

    text: str
    size: int  # bytes on the wire
    live: bool  # live output: dropped rather than kept for the next connection
    created: float  # monotonic
    what: str  # e.g. "command.result c0ffee", for log lines

    @classmethod
    def of(cls, frame: Mapping[str, Any], live: bool, now: float) -> Reply:
        """The reply carrying ``frame``."""
        text = dumps(frame)
        what = f"{frame.get('type')} {str(frame.get('id'))[:64]}"
        return cls(text, len(text.encode("utf-8")), live, now, what)


class Outbox:
    """A FIFO of replies with an age limit and a size bound; the link's sender drains it."""

    def __init__(
        self, keep_for: float = KEEP_FOR, max_bytes: int = MAX_BYTES, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.keep_for = keep_for
        self.max_bytes = max_bytes
        self._clock = clock
        self._queue: deque[Reply] = deque()
        self._bytes = 0
        self._ready = asyncio.Event()

    def __len__(self) -> int:
        return len(self._queue)

    def put(self, frame: Mapping[str, Any], *, live: bool = False) -> None:
        """Queue ``frame``; a frame that is not valid JSON is a bug, logged and dropped."""
        try:
            reply = Reply.of(frame, live, self._clock())
        except (TypeError, ValueError):
            log.exception("cannot encode a %r frame; dropped", frame.get("type"))
            return
        self._expire()
        self._queue.append(reply)
        self._bytes += reply.size
        while self._bytes > self.max_bytes and len(self._queue) > 1:
            # Only while the hub is away and results pile up: the oldest go first.
            self._drop(self._popleft(), "too many answers waiting for the hub")
        self._ready.set()

    def pop(self) -> Reply | None:
        """The oldest reply still worth sending, or None."""
        self._expire()
        return self._popleft() if self._queue else None

    def push_back(self, reply: Reply) -> None:
        """A reply whose send failed goes first on the next connection (a repeat is harmless:
        the hub ignores answers to a request it has finished)."""
        self._queue.appendleft(reply)
        self._bytes += reply.size

    def drop_live(self) -> None:
        """The connection ended: live output queued for it is of no use to the next one."""
        kept = deque(reply for reply in self._queue if not reply.live)
        dropped = len(self._queue) - len(kept)
        if dropped:
            log.debug("dropping %d live output frame(s) of a closed connection", dropped)
            self._queue = kept
            self._bytes = sum(reply.size for reply in kept)

    async def wait(self) -> None:
        """Until something is put (returns at once if something was put since the last wait)."""
        await self._ready.wait()
        self._ready.clear()

    def _popleft(self) -> Reply:
        reply = self._queue.popleft()
        self._bytes -= reply.size
        return reply

    def _expire(self) -> None:
        now = self._clock()
        while self._queue and now - self._queue[0].created > self.keep_for:
            self._drop(self._popleft(), f"not sent within {self.keep_for:g} s (the hub was unreachable)")

    @staticmethod
    def _drop(reply: Reply, why: str) -> None:
        # Live output is missed by nobody; an answer the hub waits for deserves a warning.
        log.log(logging.DEBUG if reply.live else logging.WARNING, "dropping %s: %s", reply.what, why)
