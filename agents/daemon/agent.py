"""The agent: a sampler on a fixed schedule, log readers, and the link to the hub, in one loop.

The sampler never waits for the hub: each tick it collects (in a thread), drains the log
lines read since the last tick, and appends the frame(s) to the buffer; the link sends from
the buffer whenever it can. So a hub that is down or slow only makes the buffer grow, up to
its bound.
"""

from __future__ import annotations

import asyncio
import logging
import math
import platform
import sqlite3
from collections.abc import Callable
from typing import Any

import psutil

from agents.daemon import __version__
from agents.daemon.buffer import FrameBuffer
from agents.daemon.collector import Collector
from agents.daemon.config import Settings
from agents.daemon.link import FatalHubError, HubLink
from agents.daemon.logs import FileTailer, JournaldReader, LogCollector
from agents.daemon.protocol import PROTOCOL_VERSION, Sample, clip, encode_bodies

log = logging.getLogger(__name__)

FILE_POLL_MAX = 1.0  # seconds: how late a plain file's line may be stamped at most


class _StopError(Exception):
    """Raised inside the task group to end it when a stop is requested."""


def os_name() -> str:
    """A human name for the OS, e.g. "Debian GNU/Linux 12 (bookworm)"."""
    try:
        release = platform.freedesktop_os_release()
        return release.get("PRETTY_NAME") or release.get("NAME") or platform.system()
    except OSError:
        return f"{platform.system()} {platform.release()}".strip()


def build_hello(settings: Settings, stream: str) -> dict[str, Any]:
    """The ``hello`` frame for this host."""
    interval = settings.interval
    return {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "agent_version": __version__,
        "hostname": settings.hostname,
        # The hub takes at most 100 characters of each, and refuses a hello with more.
        "os": clip(os_name(), 100),
        "kernel": clip(platform.release(), 100),
        "cpu_count": psutil.cpu_count() or 1,
        "memory_total_bytes": psutil.virtual_memory().total,
        "capabilities": settings.capabilities,
        "stream": stream,
        "interval": int(interval) if interval.is_integer() else interval,
    }


class Agent:
    """Wires the parts together; :meth:`run` until stopped or refused by the hub."""

    def __init__(
        self,
        settings: Settings,
        *,
        collect: Callable[[], Sample] | None = None,
        journalctl: tuple[str, ...] = ("journalctl",),
        backoff_base: float = 1.0,
    ) -> None:
        self.settings = settings
        self._collect = collect  # tests inject a cheap fake; None: psutil
        self._journalctl = journalctl
        self._backoff_base = backoff_base
        self.buffer: FrameBuffer | None = None
        self.link: HubLink | None = None

    async def run(self, stop: asyncio.Event) -> int:
        """Run until ``stop`` is set (exit code 0) or the hub refuses the agent (its exit code)."""
        settings = self.settings
        buffer = self.buffer = FrameBuffer(settings.buffer, settings.buffer_max_frames)
        logs = LogCollector()
        tailers = [FileTailer(path, logs, buffer.get_state(f"file:{path}")) for path in settings.log_files]
        exit_code = 0  # a stop; the task group only ends by an exception
        try:
            collect = self._collect or (await asyncio.to_thread(Collector)).collect
            link = self.link = HubLink(
                settings.ws_url,
                settings.key,
                build_hello(settings, buffer.stream),
                buffer,
                backoff_base=self._backoff_base,
            )
            log.info(
                "chatops-agent %s: %s as %r every %g s, stream %s, buffer %s (%d frame(s) held)",
                __version__,
                settings.ws_url,
                settings.hostname,
                settings.interval,
                buffer.stream,
                buffer.path,
                buffer.count,
            )
            async with asyncio.TaskGroup() as group:
                group.create_task(self._sample(buffer, collect, logs, link))
                group.create_task(link.run())
                if tailers:
                    group.create_task(self._poll_files(tailers))
                if settings.journald:
                    reader = JournaldReader(logs, buffer.get_state(JournaldReader.key), self._journalctl)
                    group.create_task(reader.run())
                group.create_task(self._wait_stop(stop))
        except* _StopError:
            log.info("stopping")
        except* FatalHubError as group:
            error = group.exceptions[0]
            assert isinstance(error, FatalHubError)
            log.error("%s; stopping (fix the key or the hub, then start the agent again)", error)
            exit_code = error.exit_code
        finally:
            for tailer in tailers:
                tailer.close()
            buffer.close()
        return exit_code

    @staticmethod
    async def _wait_stop(stop: asyncio.Event) -> None:
        await stop.wait()
        raise _StopError

    async def _sample(
        self, buffer: FrameBuffer, collect: Callable[[], Sample], logs: LogCollector, link: HubLink
    ) -> None:
        """Every interval on a fixed grid of the monotonic clock: collect, store, wake the link."""
        loop = asyncio.get_running_loop()
        interval = self.settings.interval
        start = loop.time()
        tick = 1
        while True:
            # Sleeping to start + n·interval (not "interval after the last one") keeps the
            # schedule from drifting by the time each collection takes.
            await asyncio.sleep(max(0.0, start + tick * interval - loop.time()))
            samples: list[Sample] = []
            try:
                samples.append(await asyncio.to_thread(collect))
            except Exception:
                log.exception("collecting metrics failed")
            lines, positions = logs.drain()
            try:
                bodies = encode_bodies(samples, lines)
                if bodies:
                    buffer.append(bodies, positions)
                    link.notify()
            except (sqlite3.Error, ValueError):
                # Disk full or a buffer gone bad: this tick is lost, the next one may fare better.
                # The log positions were not saved, so a restart reads those lines again.
                log.exception("storing a frame in the buffer failed")
            # Ticks missed because a collection overran are skipped, not run back to back.
            tick = max(tick + 1, math.floor((loop.time() - start) / interval) + 1)

    async def _poll_files(self, tailers: list[FileTailer]) -> None:
        period = min(self.settings.interval, FILE_POLL_MAX)
        while True:
            for tailer in tailers:
                try:
                    tailer.poll()
                except OSError as exc:
                    log.warning("reading %s failed: %s", tailer.path, exc)
            await asyncio.sleep(period)
