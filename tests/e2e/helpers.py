"""REST and websocket calls against a live hub, from outside it, as a client would make them."""

from __future__ import annotations

import asyncio
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import websockets


def shared_redis_url() -> str | None:
    """A Redis several hub processes can share: REDIS_URL, or a local one if it answers."""
    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return None
    return url


def rest(hub_url: str, token: str, path: str) -> Any:
    url = f"{hub_url}/api/v1{path}"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310 - http(s) only
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback test hub
        return json.loads(response.read())["data"]


def call(hub_url: str, token: str, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    """Any REST call; answers the status and the parsed body, errors included."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(  # noqa: S310 - loopback test hub
        f"{hub_url}/api/v1{path}", data=data, method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def wait_for(check: Callable[[], Any], timeout: float = 30, every: float = 0.25, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except Exception as exc:  # the hub may be restarting
            last = exc
        if last and not isinstance(last, Exception):
            return last
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}; last: {last!r}")


def browser_connect(hub_url: str, path: str, token: str) -> Any:
    return websockets.connect(
        hub_url.replace("http://", "ws://") + path,
        subprotocols=["bearer", token],  # type: ignore[list-item]
        origin=hub_url,  # type: ignore[arg-type]
        open_timeout=10,
    )


async def next_event(ws: Any, kind: str, timeout: float = 30) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            raise AssertionError(f"no {kind} event within {timeout}s")
        event = json.loads(await asyncio.wait_for(ws.recv(), remaining))
        if event.get("type") == kind:
            return dict(event)
