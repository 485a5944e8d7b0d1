"""Helpers to talk to the real ASGI application's websockets in tests."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from channels.testing import WebsocketCommunicator

from chatops.asgi import application

STREAM = "teststream01"


def agent_socket(raw_key: str | None) -> WebsocketCommunicator:
    headers = [(b"authorization", f"Bearer {raw_key}".encode())] if raw_key else []
    return WebsocketCommunicator(application, "/api/v1/agents/ws", headers=headers)


def browser_socket(path: str, token: str | None, origin: str = "http://localhost") -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode()), (b"host", b"localhost")]
    protocols = ["bearer", token] if token else None
    return WebsocketCommunicator(application, path, headers=headers, subprotocols=protocols)


def hello(hostname: str = "web-1.example.internal", stream: str = STREAM, **extra: Any) -> dict[str, Any]:
    return {
        "type": "hello",
        "protocol": 1,
        "agent_version": "0.1.0",
        "hostname": hostname,
        "os": "Debian GNU/Linux 12",
        "kernel": "6.1.0",
        "cpu_count": 4,
        "memory_total_bytes": 8 * 1024**3,
        "capabilities": ["metrics", "logs"],
        "stream": stream,
        "interval": 1,
        **extra,
    }


def data(
    seq: int, ts: float | None = None, logs: list[dict[str, Any]] | None = None, **values: float
) -> dict[str, Any]:
    ts = time.time() if ts is None else ts
    return {
        "type": "data",
        "seq": seq,
        "samples": [{"ts": ts, "values": values or {"cpu_percent": 12.5, "memory_percent": 40.0}}],
        "logs": logs or [],
    }


async def send(ws: WebsocketCommunicator, frame: dict[str, Any] | str) -> None:
    await ws.send_to(text_data=frame if isinstance(frame, str) else json.dumps(frame))


async def recv(ws: WebsocketCommunicator, timeout: float = 5) -> dict[str, Any]:
    return json.loads(await ws.receive_from(timeout=timeout))


async def closed_with(ws: WebsocketCommunicator, timeout: float = 5) -> int:
    """Read until the socket closes; return its close code."""
    while True:
        message = await ws.receive_output(timeout=timeout)
        if message["type"] == "websocket.close":
            return int(message.get("code", 1000))


async def connect_agent(raw_key: str, **hello_extra: Any) -> tuple[WebsocketCommunicator, dict[str, Any]]:
    ws = agent_socket(raw_key)
    connected, _ = await ws.connect()
    assert connected
    await send(ws, hello(**hello_extra))
    welcome = await recv(ws)
    assert welcome["type"] == "welcome", welcome
    return ws, welcome


def unique_stream() -> str:
    return uuid.uuid4().hex[:16]


async def recv_data(ws: WebsocketCommunicator, timeout: float = 5) -> dict[str, Any]:
    """The next event on a browser stream that is not a ``server.status`` announcement (an
    agent connecting or leaving announces one on the fleet and server metrics streams)."""
    while True:
        event = await recv(ws, timeout)
        if event.get("type") != "server.status":
            return event
