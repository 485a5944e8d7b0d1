"""Docker control: the agent's side of ``docker`` (docs/agent-protocol.md, "Commands and Docker").

Only with ``--allow-docker``. The docker SDK (``docker.from_env()``: ``DOCKER_HOST``, else the
standard socket) is imported and connected on first use, so an agent without Docker control
pays nothing for it, and one whose engine is down answers ``docker.rejected`` ("Docker is not
available on this server: …") and tries again at the next request.

The SDK blocks, so every call runs in a small pool of threads of its own: the event loop
never waits on the engine, and a slow engine cannot take the threads the metrics are
collected in.

CPU and memory come from ``/containers/{id}/stats`` with ``one-shot``: one reading, a few ms
a container (measured 5 to 6 ms on podman 4.3; without one-shot, Docker waits for a second
reading, about 1 to 2 s a container). A single reading has no CPU rate, so ``cpu_percent`` is the
CPU used between this reading and the previous one of the same container (the list sent with
the samples every 30 s, or an earlier request), and null the first time. Stopped containers
have none of the three; a list spends at most ``STATS_BUDGET`` seconds on stats in all.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from chatops_agent.execute import usable_id
from chatops_agent.protocol import ContainerInfo, clip, encoded_size

log = logging.getLogger(__name__)

ACTIONS = ("list", "start", "stop", "restart", "logs")
DEFAULT_TAIL = 200
MAX_TAIL = 5000
MAX_LOG_BYTES = 1 << 20
ENGINE_TIMEOUT = 30  # seconds for one API call (stop and restart add the container's stop timeout)
STATS_BUDGET = 2.0  # seconds of stats per list, in all; past it, the rest are null
PREVIOUS_STATS_MAX_AGE = 600.0  # seconds: an older reading makes a poor average
# Seconds between two readings for a rate: the host's CPU time moves in 10 ms ticks, so two
# lists a few ms apart (a request just after the periodic list) would give noise.
MIN_STATS_SPAN = 1.0
MAX_PENDING = 16  # requests waiting or running; past it, the hub is told the agent is busy
WORKERS = 3
FRAME_MARGIN = 4096  # bytes below the hub's frame limit kept for the frame's other fields
# Container ids are hex, names [a-zA-Z0-9][a-zA-Z0-9_.-]*. Anything else is refused before it
# reaches a URL path: "../images/x" must not turn a container action into another endpoint.
_CONTAINER_RE = re.compile(r"/?([A-Za-z0-9][A-Za-z0-9_.-]{0,253})")

Send = Callable[..., None]  # HubLink.send_reply(frame)


class DockerUnavailableError(Exception):
    """The engine cannot be reached (or the SDK is not installed)."""


class DockerRefused(Exception):
    """The request is not carried out; the message is the ``reason`` of ``docker.rejected``."""


class EngineError(Exception):
    """The engine did something unexpected; the message goes to the hub as ``error``."""


def _unavailable(why: object) -> str:
    return clip(f"Docker is not available on this server: {why}", 1000)


def parse_request(frame: Mapping[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """Action, container and keyword arguments of a ``docker`` frame; :class:`DockerRefused` if malformed."""
    action = frame.get("action")
    if action not in ACTIONS:
        raise DockerRefused(f"invalid request: action must be one of {', '.join(ACTIONS)}")
    if action == "list":
        return action, "", {}
    container = frame.get("container")
    match = _CONTAINER_RE.fullmatch(container) if isinstance(container, str) else None
    if match is None:
        raise DockerRefused("invalid request: container must be a container's id or name")
    kwargs: dict[str, Any] = {}
    if action == "logs":
        tail = frame.get("tail", DEFAULT_TAIL)
        if isinstance(tail, bool) or not isinstance(tail, int):
            raise DockerRefused(f"invalid request: tail must be a whole number from 1 to {MAX_TAIL}")
        since = frame.get("since")
        if since is not None and (
            isinstance(since, bool) or not isinstance(since, int | float) or not math.isfinite(since)
        ):
            raise DockerRefused("invalid request: since must be unix seconds")
        kwargs["tail"] = min(max(tail, 1), MAX_TAIL)
        # The SDK refuses 0 and below; "since the epoch" means everything anyway.
        kwargs["since"] = since if since is not None and since > 0 else None
    return action, match.group(1), kwargs


def port_strings(ports: Any) -> list[str]:
    """The summary's ``Ports`` as ``docker ps`` shows them: "0.0.0.0:8080->80/tcp", "443/tcp"."""
    shown: list[str] = []
    for port in ports if isinstance(ports, list) else []:
        if not isinstance(port, dict) or "PrivatePort" not in port:
            continue
        inner = f"{port['PrivatePort']}/{port.get('Type') or 'tcp'}"
        if port.get("PublicPort"):
            host = f"{port['IP']}:" if port.get("IP") else ""
            if ":" in host[:-1]:
                host = f"[{host[:-1]}]:"  # IPv6
            inner = f"{host}{port['PublicPort']}->{inner}"
        if inner not in shown:
            shown.append(inner)
    return shown


class StatsMemory:
    """The previous CPU reading of each container, to turn one-shot readings into a rate."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the periodic list and a request may run in two threads
        self._previous: dict[str, tuple[float, int, int]] = {}  # id -> (monotonic, container ns, system ns)

    def usage(self, container_id: str, stats: Mapping[str, Any]) -> tuple[float | None, int | None, int | None]:
        """``cpu_percent``, ``memory_bytes`` and ``memory_limit_bytes`` from one stats reading."""
        cpu = stats.get("cpu_stats") or {}
        total = (cpu.get("cpu_usage") or {}).get("total_usage")
        system = cpu.get("system_cpu_usage")
        cpus = cpu.get("online_cpus") or len((cpu.get("cpu_usage") or {}).get("percpu_usage") or []) or 1
        cpu_percent: float | None = None
        if isinstance(total, int) and isinstance(system, int):
            now = time.monotonic()
            with self._lock:
                before = self._previous.get(container_id)
                if before is None or now - before[0] >= MIN_STATS_SPAN:
                    self._previous[container_id] = (now, total, system)
            if before is not None and now - before[0] < MIN_STATS_SPAN:
                before = None  # too close to the last one to say anything (it stays the base)
            pre = stats.get("precpu_stats") or {}
            pre_total = (pre.get("cpu_usage") or {}).get("total_usage")
            pre_system = pre.get("system_cpu_usage")
            if isinstance(pre_total, int) and isinstance(pre_system, int) and pre_system > 0:
                before = (now, pre_total, pre_system)  # the engine's own previous reading (Docker)
            elif before is not None and now - before[0] > PREVIOUS_STATS_MAX_AGE:
                before = None
            if before is not None and system > before[2] and total >= before[1]:
                cpu_percent = round((total - before[1]) / (system - before[2]) * cpus * 100.0, 2)
        memory = stats.get("memory_stats") or {}
        usage, limit = memory.get("usage"), memory.get("limit")
        memory_bytes: int | None = None
        if isinstance(usage, int):
            # As `docker stats` shows it: the page cache the kernel can drop does not count.
            details = memory.get("stats") or {}
            cache = details.get("inactive_file", details.get("total_inactive_file", 0))
            memory_bytes = max(0, usage - cache) if isinstance(cache, int) else usage
        return cpu_percent, memory_bytes, limit if isinstance(limit, int) and limit > 0 else None

    def forget_except(self, ids: set[str]) -> None:
        """Drop the readings of containers that are gone."""
        with self._lock:
            for gone in set(self._previous) - ids:
                del self._previous[gone]


class DockerOps:
    """Takes ``docker`` frames from the link, runs them against the engine, sends the answers."""

    def __init__(
        self,
        enabled: bool,
        send: Send,
        frame_limit: Callable[[], int],
        client_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.enabled = enabled
        self._send = send
        self._frame_limit = frame_limit
        self._client_factory = client_factory or _client_from_env
        self._client: Any = None
        self._client_lock = threading.Lock()
        self._stats = StatsMemory()
        self._pool: ThreadPoolExecutor | None = None
        self.pending: set[asyncio.Task[None]] = set()

    def handle(self, frame: dict[str, Any]) -> None:
        """Check one request, answer a refusal at once, or start it. Never blocks."""
        rid = usable_id(frame)
        if rid is None:
            return
        try:
            if not self.enabled:
                raise DockerRefused("Docker control is disabled on this agent")
            action, container, kwargs = parse_request(frame)
            if len(self.pending) >= MAX_PENDING:
                raise DockerRefused(f"busy: {len(self.pending)} Docker requests in progress")
        except DockerRefused as exc:
            log.info("rejected docker request %s: %s", rid, exc)
            self._send({"type": "docker.rejected", "id": rid, "reason": str(exc)})
            return
        log.info("docker %s %s (request %s)", action, container, rid)
        task = asyncio.create_task(self._answer(rid, action, container, kwargs), name=f"docker {rid}")
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    async def list_containers(self) -> list[ContainerInfo]:
        """The containers as ``list`` answers them; :class:`DockerUnavailableError` if the engine is away."""
        result: list[ContainerInfo] = await self._in_thread(self._list)
        return result

    async def close(self) -> None:
        """Cancel what is pending and let the threads go (a call in progress finishes on its own)."""
        for task in list(self.pending):
            task.cancel()
        await asyncio.gather(*self.pending, return_exceptions=True)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    async def _answer(self, rid: str, action: str, container: str, kwargs: dict[str, Any]) -> None:
        try:
            if action == "list":
                data: Any = await self._in_thread(self._list)
            elif action == "logs":
                data = await self._in_thread(self._logs, container, kwargs["tail"], kwargs["since"])
            else:
                data = await self._in_thread(self._act, action, container)
        except DockerUnavailableError as exc:
            log.warning("docker %s: %s", action, _unavailable(exc))
            self._send({"type": "docker.rejected", "id": rid, "reason": _unavailable(exc)})
            return
        except Exception as exc:  # classified: what the engine said goes to the hub
            self._send({"type": "docker.result", "id": rid, "ok": False, "data": None, "error": _engine_error(exc)})
            return
        answer = {"type": "docker.result", "id": rid, "ok": True, "data": data, "error": None}
        if encoded_size(answer) > self._frame_limit() - FRAME_MARGIN:
            # Only a list of thousands of containers gets here (logs are cut to fit).
            error = f"the answer is too large to send ({encoded_size(answer)} bytes)"
            answer = {"type": "docker.result", "id": rid, "ok": False, "data": None, "error": error}
        self._send(answer)

    async def _in_thread(self, function: Callable[..., Any], *args: Any) -> Any:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="docker")
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._call, function, *args)

    def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run ``function(api, *args)`` in a thread; a lost engine becomes :class:`DockerUnavailableError`."""
        api = self._api()
        try:
            return function(api, *args)
        except Exception as exc:
            if _is_unreachable(exc):
                with self._client_lock:
                    self._client = None  # connect afresh next time: the engine may be back
                raise DockerUnavailableError(_first_line(exc)) from exc
            raise

    def _api(self) -> Any:
        with self._client_lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client.api

    # --- in the threads ----------------------------------------------------------------------

    def _list(self, api: Any) -> list[ContainerInfo]:
        summaries = api.containers(all=True)
        deadline = time.monotonic() + STATS_BUDGET
        items = [self._info(api, summary, deadline) for summary in summaries]
        self._stats.forget_except({item["id"] for item in items})
        return items

    def _act(self, api: Any, action: str, container: str) -> ContainerInfo:
        full_id = api.inspect_container(container)["Id"]  # NotFound here says "no such container"
        getattr(api, action)(full_id)
        summaries = api.containers(all=True, filters={"id": full_id})
        if not summaries:
            raise EngineError(f"container {container} disappeared after {action}")
        return self._info(api, summaries[0], time.monotonic() + STATS_BUDGET)

    def _logs(self, api: Any, container: str, tail: int, since: float | None) -> dict[str, Any]:
        raw = api.logs(container, stdout=True, stderr=True, timestamps=False, tail=tail, since=since)
        text = raw.decode("utf-8", "replace").replace("\x00", "\ufffd")
        lines = [line.removesuffix("\r") for line in text.split("\n")]
        if lines and not lines[-1]:
            lines.pop()  # the text ends with a newline: no empty last line
        # At most 1 MiB, and within the hub's frame with room for the rest of the answer.
        budget = min(MAX_LOG_BYTES, self._frame_limit() - FRAME_MARGIN)
        kept: list[str] = []
        used = 2
        for line in reversed(lines):  # the newest lines matter most
            cost = encoded_size({"": line}) - 4  # the line as JSON, plus its comma
            if used + cost > budget:
                break
            kept.append(line)
            used += cost
        kept.reverse()
        return {"lines": kept, "truncated": len(kept) < len(lines)}

    def _info(self, api: Any, summary: Mapping[str, Any], stats_deadline: float) -> ContainerInfo:
        container_id = str(summary.get("Id", ""))
        names = summary.get("Names") or [""]
        state = str(summary.get("State") or "")
        created = summary.get("Created")
        usage: tuple[float | None, int | None, int | None] = (None, None, None)
        if state == "running" and time.monotonic() < stats_deadline:
            try:
                usage = self._stats.usage(container_id, api.stats(container_id, stream=False, one_shot=True))
            except Exception as exc:
                if _is_unreachable(exc):
                    raise
                # Stats are a bonus: an engine without one-shot (API < 1.41) or a container that
                # just stopped leaves them null.
                log.debug("no stats for container %s: %s", container_id[:12], exc)
        return {
            "id": container_id,
            "name": str(names[0]).lstrip("/"),
            "image": str(summary.get("Image") or ""),
            "state": state,
            "status": str(summary.get("Status") or ""),
            "created": float(created) if isinstance(created, int | float) and not isinstance(created, bool) else None,
            "ports": port_strings(summary.get("Ports")),
            "cpu_percent": usage[0],
            "memory_bytes": usage[1],
            "memory_limit_bytes": usage[2],
        }


def _client_from_env() -> Any:
    """``docker.from_env()``: connects (it asks the engine's API version) or raises :class:`DockerUnavailableError`."""
    try:
        # Imported here: an agent without --allow-docker never loads the SDK. By name, because
        # mypy would take the repository's docker/ directory (Dockerfiles) for the package.
        docker = importlib.import_module("docker")
    except ImportError:
        raise DockerUnavailableError("the docker Python package is not installed (pip install docker)") from None
    try:
        return docker.from_env(timeout=ENGINE_TIMEOUT)
    except docker.errors.DockerException as exc:
        raise DockerUnavailableError(_first_line(exc)) from None


def _is_unreachable(exc: BaseException) -> bool:
    """Whether ``exc`` means the engine is gone (rather than that it refused the request)."""
    import requests.exceptions  # the SDK's transport; loaded with it

    return isinstance(exc, requests.exceptions.ConnectionError) and not isinstance(exc, requests.exceptions.Timeout)


def _engine_error(exc: Exception) -> str:
    """What the engine said, for ``docker.result``'s ``error``."""
    try:
        import docker.errors
        import requests.exceptions
    except ImportError:  # pragma: no cover - an answer needs the SDK to have been loaded
        return clip(f"{type(exc).__name__}: {exc}", 1000)
    if isinstance(exc, docker.errors.APIError):
        text = exc.explanation or str(exc)
        return clip(str(text), 1000)
    if isinstance(exc, requests.exceptions.Timeout):
        return f"the Docker engine did not answer within {ENGINE_TIMEOUT} s"
    if isinstance(exc, EngineError | docker.errors.DockerException):
        return clip(str(exc), 1000)
    log.exception("docker request failed")
    return clip(f"{type(exc).__name__}: {exc}", 1000)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return clip(text[0] if text else type(exc).__name__, 500)
