"""Fixtures for the agent daemon's tests: a scriptable fake hub, settings, a cheap collector,
and a real Docker Engine API (podman) for the Docker tests.

None of them touches the database: the daemon never imports Django, and its tests only
need a websocket server on 127.0.0.1 that speaks the hub's side of docs/agent-protocol.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed

from chatops_agent.agent import Agent
from chatops_agent.config import Settings, ws_url_for
from chatops_agent.protocol import Sample

KEY = "chk_test0123456789abcdefghijklmnopqrstuvwxyzAB"


class FakeHub:
    """The hub's side of the protocol on 127.0.0.1, with knobs a test turns.

    Every data frame is recorded (with the connection it came on) and acknowledged, unless
    ``ack`` is off or the frame's seq is above ``ack_until``. Every other frame (answers to
    commands and Docker requests) is recorded in ``replies``.
    """

    def __init__(self, window: int = 32) -> None:
        self.window = window
        self.ack = True
        self.ack_until: int | None = None
        self.welcome_last_seq: int | None = None  # None: the highest seq acknowledged so far
        self.reject: tuple[int, str] | None = None  # close code and reason, right after hello
        self.close_after_welcome: tuple[int, str] | None = None  # the same, right after the welcome
        self.before_welcome: list[str | bytes] = []
        self.after_welcome: list[str | bytes] = []
        self.hellos: list[dict[str, Any]] = []
        self.headers: list[Headers] = []
        self.received: list[tuple[int, dict[str, Any]]] = []  # (connection number, data frame)
        self.replies: list[tuple[int, dict[str, Any]]] = []  # (connection number, any other frame)
        self.acked = 0
        self.connections = 0
        self.close_codes: list[int | None] = []  # what the agent's side said when each socket closed
        self.ws: ServerConnection | None = None
        self.port = 0
        self._server: Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def seqs(self) -> list[int]:
        return [frame["seq"] for _, frame in self.received]

    def answers(self, request_id: str) -> list[dict[str, Any]]:
        """The frames answering the request ``request_id``, in the order they came."""
        return [frame for _, frame in self.replies if frame.get("id") == request_id]

    def final(self, request_id: str) -> dict[str, Any] | None:
        """The request's result or rejection, once it has come."""
        final_types = ("command.result", "command.rejected", "docker.result", "docker.rejected")
        return next((frame for frame in self.answers(request_id) if frame["type"] in final_types), None)

    async def start(self, port: int = 0) -> None:
        self._server = await serve(self._handle, "127.0.0.1", port or self.port, max_size=1 << 20)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Go away: every connection is closed (1001) and new ones are refused."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def send(self, frame: dict[str, Any]) -> None:
        assert self.ws is not None
        await self.ws.send(json.dumps(frame))

    async def _handle(self, ws: ServerConnection) -> None:
        self.connections += 1
        number = self.connections
        self.ws = ws
        assert ws.request is not None
        self.headers.append(ws.request.headers)
        try:
            with contextlib.suppress(ConnectionClosed):  # the agent may go at any moment
                await self._converse(ws, number)
        finally:
            await ws.wait_closed()
            self.close_codes.append(ws.close_code)

    async def _converse(self, ws: ServerConnection, number: int) -> None:
        self.hellos.append(json.loads(await ws.recv()))
        if self.reject is not None:
            await ws.close(*self.reject)
            return
        for raw in self.before_welcome:
            await ws.send(raw)
        last_seq = self.acked if self.welcome_last_seq is None else self.welcome_last_seq
        welcome = {
            "type": "welcome",
            "protocol": 1,
            "server_id": 7,
            "server_name": "web-1",
            "window": self.window,
            "max_frame_bytes": 1 << 20,
            "last_seq": last_seq,
        }
        await ws.send(json.dumps(welcome))
        if self.close_after_welcome is not None:
            await ws.close(*self.close_after_welcome)
            return
        for raw in self.after_welcome:
            await ws.send(raw)
        async for message in ws:
            frame = json.loads(message)
            if frame.get("type") != "data":
                self.replies.append((number, frame))
                continue
            self.received.append((number, frame))
            seq = frame["seq"]
            if self.ack and (self.ack_until is None or seq <= self.ack_until):
                self.acked = max(self.acked, seq)
                await ws.send(json.dumps({"type": "ack", "seq": seq}))


@pytest.fixture
async def hub() -> AsyncIterator[FakeHub]:
    fake = FakeHub()
    await fake.start()
    yield fake
    await fake.stop()


def make_settings(tmp_path: Path, hub_url: str, **overrides: Any) -> Settings:
    """Settings as load_settings would make them, with a short interval for fast tests."""
    values: dict[str, Any] = {
        "hub": hub_url,
        "ws_url": ws_url_for(hub_url),
        "key": KEY,
        "interval": 0.05,
        "buffer": tmp_path / "buffer.sqlite3",
        "hostname": "web-1",
    }
    values.update(overrides)
    return Settings(**values)


class CountingCollector:
    """A stand-in for psutil: one tiny sample per call, counted."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Sample:
        self.calls += 1
        return {"ts": time.time(), "values": {"cpu_percent": float(self.calls)}}


def make_agent(settings: Settings, collect: Callable[[], Sample] | None = None, **kwargs: Any) -> Agent:
    return Agent(settings, collect=collect or CountingCollector(), backoff_base=0.01, **kwargs)


@contextlib.asynccontextmanager
async def running(agent: Agent) -> AsyncIterator[asyncio.Task[int]]:
    """Run the agent for the block; stop it at the end (unless it stopped by itself)."""
    stop = asyncio.Event()
    task = asyncio.create_task(agent.run(stop))
    try:
        yield task
    finally:
        stop.set()
        # Not wait_for: it waits without bound for a cancelled task to end, so an agent that
        # never finishes stopping would hang the suite instead of failing this test.
        done, _ = await asyncio.wait({task}, timeout=10)
        if not done:
            task.cancel()
            await asyncio.wait({task}, timeout=5)
            raise AssertionError("the agent did not stop within 10 s of its stop event")
        task.result()


async def until(predicate: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    """Wait for ``predicate`` to hold, polling; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


ENGINE_SCRIPT = Path("/work/shared/scripts/container-engine")
_ENGINE_VARIABLES = ("DOCKER_HOST", "CHATOPS_TEST_IMAGE", "CONTAINERS_CONF")


@pytest.fixture(scope="session")
def docker_engine() -> Iterator[dict[str, str]]:
    """A real Docker Engine API: DOCKER_HOST from the environment, else the shared podman script.

    The script's exports are put into ``os.environ`` for the session (``docker.from_env()``
    reads it) and taken out again at the end. Without an engine the Docker tests are skipped.
    """
    if os.environ.get("DOCKER_HOST"):
        yield {name: os.environ.get(name, "") for name in _ENGINE_VARIABLES}
        return
    if not ENGINE_SCRIPT.exists():
        pytest.skip(f"no DOCKER_HOST and no {ENGINE_SCRIPT} to start a container engine")
    try:
        result = subprocess.run(
            ["bash", "-c", f'eval "$({ENGINE_SCRIPT})" && env -0'],
            capture_output=True,
            timeout=600,  # the first use installs podman
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("the container engine script did not finish within 10 minutes")
    if result.returncode != 0:
        pytest.skip(f"the container engine script failed: {result.stderr.decode(errors='replace')[-500:]}")
    exported = dict(item.split("=", 1) for item in result.stdout.decode().split("\0") if "=" in item)
    engine = {name: exported[name] for name in _ENGINE_VARIABLES if name in exported}
    if "DOCKER_HOST" not in engine:
        pytest.skip("the container engine script exported no DOCKER_HOST")
    saved = {name: os.environ.get(name) for name in engine}
    os.environ.update(engine)
    try:
        yield engine
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
