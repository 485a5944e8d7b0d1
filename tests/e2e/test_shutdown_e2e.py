"""End to end: SIGTERM to a real daphne hub while requests wait on an agent that never answers.

The hub must answer the waiting requests with 503, close every socket with a close frame the
client can act on, and exit within a bounded time, whatever is in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
import websockets
from websockets.exceptions import ConnectionClosed

from tests.e2e.helpers import browser_connect, next_event, rest, wait_for
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow

CLOSE_HUB_STOPPING = 4001


def hello() -> dict[str, Any]:
    return {
        "type": "hello", "protocol": 1, "agent_version": "0.1.0", "hostname": "stuck-box.local",
        "os": "Debian GNU/Linux 12", "kernel": "6.1.0", "cpu_count": 2, "memory_total_bytes": 2 * 1024**3,
        "capabilities": ["metrics", "logs", "commands", "docker"], "stream": "stuckstream01", "interval": 1,
    }  # fmt: skip


def data(seq: int) -> dict[str, Any]:
    return {"type": "data", "seq": seq, "samples": [{"ts": time.time(), "values": {"cpu_percent": 1.0}}], "logs": []}


def request(url: str, token: str, method: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, str], Any]:
    """The status, headers and body of one call; a dropped connection is status 0."""
    payload = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(  # noqa: S310 - loopback test hub
        url, data=payload, method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=60) as response:  # noqa: S310
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), json.loads(exc.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
        return 0, {}, repr(exc)


async def close_code(ws: Any, timeout: float) -> int | None:
    """Read until the socket closes; the close code the hub sent (None: no close frame)."""
    try:
        while True:
            await asyncio.wait_for(ws.recv(), timeout)
    except ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd is not None else None


def test_sigterm_ends_waiting_requests_and_closes_sockets(tmp_path):
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub, name="stuck-box", hostname="stuck-box.local")
        token, server_id, key = str(fleet["token"]), int(fleet["server_id"]), str(fleet["key"])
        daphne = hub.processes[0]
        api = f"{hub.url}/api/v1"

        async def scenario() -> dict[str, Any]:
            agent_url = hub.url.replace("http://", "ws://") + "/api/v1/agents/ws"
            async with websockets.connect(agent_url, additional_headers={"Authorization": f"Bearer {key}"}) as agent:
                await agent.send(json.dumps(hello()))
                assert json.loads(await agent.recv())["type"] == "welcome"
                async with browser_connect(hub.url, f"/api/v1/ws/metrics/{server_id}", token) as browser:
                    # The browser's stream joins its group after the handshake: it is joined
                    # once it shows a sample the agent sent.
                    seq = 0
                    for _ in range(30):
                        seq += 1
                        await agent.send(json.dumps(data(seq)))
                        with contextlib.suppress(AssertionError, TimeoutError):
                            await next_event(browser, "metrics.sample", timeout=0.5)
                            break
                    else:
                        pytest.fail("the browser's stream showed no sample")

                    command = asyncio.ensure_future(asyncio.to_thread(
                        request, f"{api}/commands/{server_id}", token, "POST",
                        {"command": "sleep 100", "timeout": 120},
                    ))  # fmt: skip
                    containers = asyncio.ensure_future(
                        asyncio.to_thread(request, f"{api}/docker/{server_id}/containers?live=true", token, "GET")
                    )
                    # The agent accepts the command and never answers again; the Docker
                    # request it ignores. The ack of a later data frame (frames are handled
                    # in order) says the acceptance is stored: both requests now wait.
                    seen: set[str] = set()
                    while seen != {"command", "docker"}:
                        frame = json.loads(await asyncio.wait_for(agent.recv(), 15))
                        if frame["type"] == "command":
                            await agent.send(json.dumps({"type": "command.accepted", "id": frame["id"]}))
                        if frame["type"] in ("command", "docker"):
                            seen.add(frame["type"])
                    seq += 1
                    await agent.send(json.dumps(data(seq)))
                    while json.loads(await asyncio.wait_for(agent.recv(), 15)) != {"type": "ack", "seq": seq}:
                        pass

                    daphne.send_signal(signal.SIGTERM)
                    browser_code, agent_code = await asyncio.gather(close_code(browser, 15), close_code(agent, 15))
                    results = await asyncio.gather(command, containers)
            return {"browser": browser_code, "agent": agent_code, "command": results[0], "containers": results[1]}

        outcome = asyncio.run(scenario())
        try:
            daphne.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"daphne still running 10 s after SIGTERM; the requests got {outcome}")

        for name in ("command", "containers"):
            status, headers, body = outcome[name]
            assert status == 503, (name, outcome[name])
            assert body["error_code"] == "service_unavailable", body
            assert set(body) == {"detail", "status_code", "error_code", "errors", "request_id"}
            assert int(headers["Retry-After"]) > 0
        assert outcome["browser"] == CLOSE_HUB_STOPPING
        assert outcome["agent"] == CLOSE_HUB_STOPPING
        assert "Traceback" not in hub.log()


DISCONNECTS = """
import json
from agents.models import ConnectionEvent
events = ConnectionEvent.objects.filter(server_id={server_id}).order_by("pk")
print(json.dumps([[e.kind, e.reason] for e in events]))
"""


def test_a_real_agent_is_told_the_hub_restarts_and_comes_back(tmp_path):
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "online", what="the agent")
            port = hub.ports[0]
            hub.stop_daphne(port)
            wait_for(lambda: "hub closed the connection: 4001" in agent.log(), timeout=10, what="the close")
            hub.start_daphne(port)
            wait_for(
                lambda: [kind for kind, _ in json.loads(hub.python(DISCONNECTS.format(server_id=server_id)))]
                == ["connect", "disconnect", "connect"],
                timeout=60, every=1, what="the agent's reconnect",
            )  # fmt: skip
            events = json.loads(hub.python(DISCONNECTS.format(server_id=server_id)))
            assert events[1] == ["disconnect", f"hub stopping ({CLOSE_HUB_STOPPING})"]
            assert rest(hub.url, token, f"/servers/{server_id}")["status"] == "online"
        finally:
            agent.stop()
        # A restart is routine: the agent says so at info, not as a warning.
        assert "INFO chatops_agent.link: hub closed the connection: 4001" in agent.log()
