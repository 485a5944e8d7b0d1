"""The agent: a sampler on a fixed schedule, log readers, and the link to the hub, in one loop.

The sampler never waits for the hub: each tick it collects (in a thread), drains the log
lines read since the last tick, and appends the frame(s) to the buffer; the link sends from
the buffer whenever it can. So a hub that is down or slow only makes the buffer grow, up to
its bound.

Requests of the hub go from the link to the command runner and the Docker executor, which
answer through the link (refusing everything unless this server's owner turned them on).
With ``--allow-docker`` a watcher lists the containers every 30 s, in a thread, and the next
frame carries the list.
"""

from __future__ import annotations

import asyncio
import logging
import math
import platform
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import psutil

from chatops_agent import __version__
from chatops_agent.buffer import FrameBuffer
from chatops_agent.collector import Collector
from chatops_agent.config import Settings
from chatops_agent.docker_ops import DockerOps, DockerUnavailableError
from chatops_agent.execute import CommandPolicy, CommandRunner, protect_agent_memory
from chatops_agent.link import FatalHubError, HubLink
from chatops_agent.logs import FileTailer, JournaldReader, LogCollector
from chatops_agent.protocol import (
    FRAME_BUDGET_BYTES,
    ContainerList,
    Sample,
    clip,
    encode_bodies,
    encoded_size,
)
from chatops_agent.wire import HELLO, PROTOCOL_VERSION

log = logging.getLogger(__name__)

FILE_POLL_MAX = 1.0  # seconds: how late a plain file's line may be stamped at most
CONTAINERS_EVERY = 30.0  # seconds between two container lists sent with the samples
# The list rides in a data frame, which must stay within its budget with samples and logs.
CONTAINERS_BUDGET = FRAME_BUDGET_BYTES // 2
MAX_CONTAINERS = 2000  # the hub refuses a longer list


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
        "type": HELLO,
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
        containers_every: float = CONTAINERS_EVERY,
    ) -> None:
        self.settings = settings
        self._collect = collect  # tests inject a cheap fake; None: psutil
        self._journalctl = journalctl
        self._backoff_base = backoff_base
        self._containers_every = containers_every
        self.buffer: FrameBuffer | None = None
        self.link: HubLink | None = None
        self.commands: CommandRunner | None = None
        self.docker: DockerOps | None = None
        self._containers: ContainerList | None = None  # the latest list, until a frame takes it

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
            self._remote_actions(link)
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
                if settings.allow_docker:
                    group.create_task(self._watch_containers())
                if settings.kubernetes:
                    group.create_task(self._kube_watcher(link).run())
                group.create_task(self._wait_stop(stop))
        except* _StopError:
            log.info("stopping")
        except* FatalHubError as group:
            error = group.exceptions[0]
            assert isinstance(error, FatalHubError)
            log.error("%s; stopping (fix the key or the hub, then start the agent again)", error)
            exit_code = error.exit_code
        finally:
            for executor in (self.commands, self.docker):
                if executor is not None:
                    await executor.close()
            for tailer in tailers:
                tailer.close()
            buffer.close()
        return exit_code

    def _remote_actions(self, link: HubLink) -> None:
        """The command runner and the Docker executor, answering through ``link``."""
        settings = self.settings
        self.commands = CommandRunner(
            CommandPolicy.from_settings(settings), link.send_reply, lambda: link.max_frame_bytes
        )
        self.docker = DockerOps(settings.allow_docker, link.send_reply, lambda: link.max_frame_bytes)
        link.on("command", self.commands.handle)
        link.on("docker", self.docker.handle)
        if settings.allow_commands:
            if not protect_agent_memory():
                log.warning("cannot make the agent non-dumpable: commands may read its environment")
            log.warning(
                "remote commands are ON: %s, %s, %s, at most %d at once for up to %g s each",
                "through /bin/sh" if settings.command_shell else "without a shell",
                f"{len(settings.command_allow)} allow pattern(s)" if settings.command_allow else "ANY command",
                f"{len(settings.command_deny)} deny pattern(s)",
                settings.max_commands,
                settings.command_max_timeout,
            )
        elif settings.command_allow or settings.command_deny or settings.command_shell:
            log.warning("command settings are given but --allow-commands is not: every command is rejected")
        if settings.allow_docker:
            log.warning("Docker control is ON: the hub may list, start, stop and restart containers")

    def _kube_watcher(self, link: HubLink) -> Any:
        """``--kubernetes``: snapshots of the cluster and rollout restarts (imported only then:
        the client is an optional dependency)."""
        from chatops_agent.kube_watch import KubeWatcher

        watcher = KubeWatcher(self.settings, link.send_reply, lambda: link.max_frame_bytes)
        link.on("kubernetes.restart", watcher.handle_restart)
        log.info(
            "Kubernetes: cluster %r every %g s (%s)%s",
            self.settings.kubernetes_cluster,
            self.settings.kubernetes_interval,
            self.settings.kubeconfig or "in-cluster",
            ", rollout restarts ON" if self.settings.kubernetes_allow_restart else "",
        )
        return watcher

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
            containers, self._containers = self._containers, None
            try:
                bodies = encode_bodies(samples, lines, containers=containers)
                if bodies:
                    buffer.append(bodies, positions)
                    link.notify()
            except (sqlite3.Error, ValueError):
                # Disk full or a buffer gone bad: this tick is lost, the next one may fare better.
                # The log positions were not saved, so a restart reads those lines again.
                log.exception("storing a frame in the buffer failed")
            # Ticks missed because a collection overran are skipped, not run back to back.
            tick = max(tick + 1, math.floor((loop.time() - start) / interval) + 1)

    async def _watch_containers(self) -> None:
        """Every CONTAINERS_EVERY seconds, the container list for the next frame; never breaks a frame."""
        assert self.docker is not None
        available = True
        while True:
            try:
                items = await self.docker.list_containers()
            except DockerUnavailableError as exc:
                if available:  # once per outage, not every 30 s
                    log.warning("Docker is not available (%s); no container list until it is", exc)
                available = False
            except Exception:
                log.exception("listing the containers failed")
            else:
                if not available:
                    log.info("Docker is available again")
                available = True
                snapshot: ContainerList = {"ts": time.time(), "items": items}
                if len(items) > MAX_CONTAINERS or encoded_size(snapshot) > CONTAINERS_BUDGET:
                    log.warning("%d containers: too many to send with the samples; the list is left out", len(items))
                else:
                    self._containers = snapshot
            await asyncio.sleep(self._containers_every)

    async def _poll_files(self, tailers: list[FileTailer]) -> None:
        period = min(self.settings.interval, FILE_POLL_MAX)
        while True:
            for tailer in tailers:
                try:
                    tailer.poll()
                except OSError as exc:
                    log.warning("reading %s failed: %s", tailer.path, exc)
            await asyncio.sleep(period)
