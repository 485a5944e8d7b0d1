"""End to end, against a real daphne: every close code the agent socket sends arrives as sent,
and an agent whose frames share batches with a hostile one's is acknowledged all along.

daphne's websocket library (autobahn) sends only 1000 and 3000-4999 for the application; the
in-process communicator sends anything, so these paths are tested here too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import websockets
from websockets.exceptions import ConnectionClosed

from tests.e2e.helpers import wait_for
from tests.live import Agent, Hub, live_hub

pytestmark = pytest.mark.slow

FLEET_CODE = """
import json
from accounts.models import User
from accounts.services import create_api_key
from servers.models import Server
admin = User.objects.create_superuser('ops', 'ops@example.com', 'a-long-live-test-passphrase')
out = {}
for name in ('box-a', 'box-b'):
    server = Server.objects.create(name=name, hostname=name + '.local', created_by=admin)
    out[name] = {'server_id': server.pk, 'key': create_api_key(None, admin, name=name, server=server)[1]}
print(json.dumps(out))
"""

FAIL_INSERTS = {
    "sqlite": [
        "CREATE TRIGGER ingest_fails BEFORE INSERT ON monitoring_metricsample "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION ingest_fails() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ "
        "LANGUAGE plpgsql",
        "CREATE TRIGGER ingest_fails BEFORE INSERT ON monitoring_metricsample "
        "FOR EACH ROW EXECUTE FUNCTION ingest_fails()",
    ],
}
STOP_FAILING = {
    "sqlite": ["DROP TRIGGER ingest_fails"],
    "postgresql": ["DROP TRIGGER ingest_fails ON monitoring_metricsample", "DROP FUNCTION ingest_fails()"],
}


def run_sql(hub: Hub, statements: dict[str, list[str]]) -> None:
    hub.python(
        "from django.db import connection\n"
        f"for sql in {statements!r}[connection.vendor]:\n"
        "    connection.cursor().execute(sql)\n"
        "print('ok')"
    )


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Hub, dict[str, Any]]]:
    # A small frame limit and window, and batches at most every second: the window is
    # overrun before the next batch can acknowledge anything.
    with live_hub(
        tmp_path_factory.mktemp("close-codes"),
        AGENT_MAX_FRAME_BYTES="4096",
        AGENT_WINDOW="1",
        INGEST_BATCH_INTERVAL_MS="1000",
    ) as running:
        yield running, json.loads(running.python(FLEET_CODE))


def data(seq: int, message: str = "ok") -> dict[str, Any]:
    now = time.time()
    return {
        "type": "data",
        "seq": seq,
        "samples": [{"ts": now, "values": {"cpu_percent": 1.0}}],
        "logs": [{"ts": now, "level": "info", "source": "e2e", "message": message}],
    }


@contextlib.asynccontextmanager
async def agent_socket(url: str, key: str, stream: str) -> Any:
    async with websockets.connect(
        url.replace("http://", "ws://") + "/api/v1/agents/ws",
        additional_headers={"Authorization": f"Bearer {key}"},
        open_timeout=10,
        max_size=None,
    ) as ws:
        hello = {
            "type": "hello", "protocol": 1, "agent_version": "0.1.0", "hostname": "box-a.local",
            "capabilities": ["metrics", "logs"], "stream": stream, "interval": 1,
        }  # fmt: skip
        await ws.send(json.dumps(hello))
        welcome = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert welcome["type"] == "welcome", welcome
        yield ws


async def close_code(ws: Any, timeout: float = 10) -> int | None:
    """Read until the hub closes the socket; its close code (None: no close frame came)."""
    with contextlib.suppress(ConnectionClosed):
        async with asyncio.timeout(timeout):
            while True:
                await ws.recv()
    assert ws.close_code is not None, "not closed"
    received = ws.protocol.close_rcvd
    return received.code if received is not None else None


async def frames_until_ack(ws: Any, seq: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    while not seen or seen[-1] != {"type": "ack", "seq": seq}:
        seen.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
    return seen


async def test_a_frame_over_max_frame_bytes_closes_4413(hub):
    running, fleet = hub
    async with agent_socket(running.url, fleet["box-a"]["key"], "too-big-01") as ws:
        await ws.send(json.dumps(data(1, "x" * 5000)))
        assert await close_code(ws) == 4413


async def test_a_frame_over_daphnes_own_limit_ends_the_connection_before_the_hub_sees_it(hub):
    """Why AGENT_MAX_FRAME_BYTES is at most 1 MiB: past that, daphne cuts the connection itself
    (autobahn fails it by dropping TCP, so no close frame, or 1009 where it sends one)."""
    running, fleet = hub
    async with agent_socket(running.url, fleet["box-a"]["key"], "huge-0001") as ws:
        await ws.send(json.dumps(data(1, "x" * (1024 * 1024 + 1))))
        assert await close_code(ws) in (None, 1009)


async def test_overrunning_the_window_closes_4429(hub):
    running, fleet = hub
    async with agent_socket(running.url, fleet["box-a"]["key"], "window-01") as ws:
        for seq in range(1, 8):
            await ws.send(json.dumps(data(seq)))
        assert await close_code(ws) == 4429


async def test_a_storage_failure_closes_4503_and_the_frame_is_stored_once_it_is_resent(hub):
    running, fleet = hub
    run_sql(running, FAIL_INSERTS)
    try:
        async with agent_socket(running.url, fleet["box-a"]["key"], "storage-01") as ws:
            await ws.send(json.dumps(data(1)))
            assert await close_code(ws) == 4503
    finally:
        run_sql(running, STOP_FAILING)
    async with agent_socket(running.url, fleet["box-a"]["key"], "storage-01") as ws:
        await ws.send(json.dumps(data(1)))
        assert await frames_until_ack(ws, 1) == [{"type": "ack", "seq": 1}]


async def test_hostile_frames_get_errors_and_acks_and_the_socket_stays_open(hub):
    running, fleet = hub
    async with agent_socket(running.url, fleet["box-a"]["key"], "hostile-01") as ws:
        await ws.send(json.dumps(data(1, "\ud800 lone surrogate")))
        seen = await frames_until_ack(ws, 1)
        assert [(f["type"], f.get("code"), f.get("seq")) for f in seen[:-1]] == [("error", "invalid_frame", 1)]
        # Too deep for the json module, and NaN so the fast parser does not read it first.
        await ws.send('{"type": "data", "seq": 2, "x": NaN, "y": ' + "[" * 1100 + "]" * 1100 + "}")
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["code"] == "malformed"
        await ws.send(json.dumps({**data(2), "samples": [{"ts": time.time(), "values": {"cpu_percent": 10**400}}]}))
        seen = await frames_until_ack(ws, 2)
        assert [(f["type"], f.get("seq")) for f in seen] == [("error", 2), ("ack", 2)]
        await ws.send(json.dumps(data(3)))
        assert await frames_until_ack(ws, 3) == [{"type": "ack", "seq": 3}]


async def attack(url: str, key: str, until: float, answers: list[str]) -> None:
    """Frames with a lone surrogate, one after another, reconnecting if the hub hangs up."""
    seq = 0
    while time.monotonic() < until:
        try:
            async with agent_socket(url, key, f"attack-{seq:05d}") as ws:
                while time.monotonic() < until:
                    seq += 1
                    await ws.send(json.dumps(data(seq, "\ud800")))
                    try:
                        async with asyncio.timeout(5):
                            answers += [f["type"] for f in await frames_until_ack(ws, seq)]
                    except TimeoutError:
                        answers.append("silence")
        except (ConnectionClosed, OSError):
            answers.append("closed")
            await asyncio.sleep(0.2)


async def test_an_agent_sharing_batches_with_a_hostile_socket_is_stored_all_along(tmp_path: Path):
    with live_hub(tmp_path, INGEST_BATCH_INTERVAL_MS="200") as running:
        fleet = json.loads(running.python(FLEET_CODE))
        count = (
            "from monitoring.models import MetricSample; "
            f"print(MetricSample.objects.filter(server_id={fleet['box-a']['server_id']}).count())"
        )
        agent = Agent(running.url, fleet["box-a"]["key"], tmp_path / "agent", interval=0.5).start()
        try:
            wait_for(lambda: int(running.python(count)) > 0, what="the agent's first sample")
            before = int(running.python(count))
            answers: list[str] = []
            await attack(running.url, fleet["box-b"]["key"], time.monotonic() + 8, answers)
            during = int(running.python(count)) - before
        finally:
            agent.stop()
        # Every hostile frame was answered (error, then ack) on a socket that stayed open.
        assert set(answers) == {"error", "ack"}, answers[-5:]
        # ~16 samples were taken during the attack; the few last may still be in flight.
        assert during >= 10, (during, agent.log()[-2000:])
        assert "hub closed the connection" not in agent.log()
