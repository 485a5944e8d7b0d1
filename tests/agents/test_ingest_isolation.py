"""One bad frame harms no one else: what validation lets through can be stored, a batch that
fails on one frame's data stores the others, and every close code can really be sent."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from channels.db import database_sync_to_async

from accounts.services import create_api_key
from agents import consumers
from monitoring import ingest
from monitoring.ingest import FrameIn, IngestBatcher
from monitoring.models import IngestStream, LogLine, MetricSample
from servers.models import Server
from tests.factories import ServerFactory
from tests.helpers import run_python
from tests.sockets import closed_with, connect_agent, data, recv, send

pytestmark = pytest.mark.django_db(transaction=True)

NOW = time.time()


@pytest.fixture
def bound_key(admin, server):
    return create_api_key(None, admin, name="agent", server=server)[1]


@pytest.fixture
def other_server(admin):
    return ServerFactory(created_by=admin)


@pytest.fixture
def other_key(admin, other_server):
    return create_api_key(None, admin, name="other agent", server=other_server)[1]


def count(model: Any, **filters: Any) -> Any:
    return database_sync_to_async(lambda: model.objects.filter(**filters).count())()


def stream_of(server: Server) -> Any:
    return database_sync_to_async(IngestStream.objects.get)(server=server)


def log(message: str, source: str = "app") -> dict[str, Any]:
    return {"ts": NOW, "level": "info", "source": source, "message": message}


async def test_a_lone_surrogate_in_one_agents_log_does_not_stall_the_other_agent_in_its_batch(
    bound_key, other_key, server, other_server, settings
):
    # Batches start at most every 300 ms: the two frames below queue while the first batch
    # settles, and are written in one batch.
    settings.INGEST_BATCH_INTERVAL_MS = 300
    bad, _ = await connect_agent(bound_key)
    good, _ = await connect_agent(other_key)
    await send(bad, data(1))
    assert await recv(bad) == {"type": "ack", "seq": 1}
    await send(bad, data(2, logs=[log("\ud800 broken")]))  # json.dumps writes the escape "\ud800"
    await send(good, data(1, logs=[log("fine")]))
    assert await recv(good) == {"type": "ack", "seq": 1}
    error = await recv(bad)
    assert (error["code"], error["seq"]) == ("invalid_frame", 2)
    assert "logs[0].message" in error["detail"]
    assert await recv(bad) == {"type": "ack", "seq": 2}
    assert await count(LogLine, server=other_server) == 1
    assert (await stream_of(server)).rejected_frames == 1
    await send(bad, data(3))
    assert await recv(bad) == {"type": "ack", "seq": 3}
    await bad.disconnect()
    await good.disconnect()


@pytest.mark.parametrize(
    "bad",
    [
        {"logs": [log("x", source="\ud83d")]},
        {"logs": [log("x", source="app\x00")]},
        {"samples": [{"ts": NOW, "values": {"disk_percent:\x00": 1.0}}]},
        {"samples": [{"ts": NOW, "values": {"disk_percent:\udfff": 1.0}}]},
        {"samples": [{"ts": NOW, "values": {"cpu_percent": 1.0}, "top": {"cpu": [{"name": "a\x00b"}]}}]},
        {"containers": {"ts": NOW, "items": [{"name": "\ud800"}]}},
        {"containers": {"ts": NOW, "items": [{"name": "nul\x00"}]}},
        {"containers": {"ts": NOW, "items": [{"id": 10**400}]}},
        {"containers": {"ts": NOW, "items": [{"deep": json.loads("[" * 900 + "]" * 900)}]}},
        {"dropped": {"samples": 10**400, "logs": 0}},
        {"dropped": {"samples": 2**63, "logs": 0}},
    ],
    ids=[
        "source-surrogate",
        "source-nul",
        "name-nul",
        "name-surrogate",
        "top-nul",
        "containers-surrogate",
        "containers-nul",
        "containers-huge-int",
        "containers-900-deep",
        "dropped-400-digits",
        "dropped-past-bigint",
    ],
)
async def test_what_storage_cannot_hold_is_refused_by_validation_with_its_seq(bound_key, server, bad):
    ws, _ = await connect_agent(bound_key)
    await send(ws, {"type": "data", "seq": 1, "samples": [], "logs": [], **bad})
    error = await recv(ws)
    assert (error["type"], error["code"], error["seq"]) == ("error", "invalid_frame", 1)
    assert await recv(ws) == {"type": "ack", "seq": 1}
    assert (await stream_of(server)).rejected_frames == 1
    await send(ws, data(2))
    assert await recv(ws) == {"type": "ack", "seq": 2}
    await ws.disconnect()


async def test_a_seq_past_bigint_gets_an_error_and_the_socket_goes_on(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    await send(ws, data(2**63))
    error = await recv(ws)
    assert (error["code"], "seq" in error) == ("invalid_frame", False)
    await send(ws, data(1))
    assert await recv(ws) == {"type": "ack", "seq": 1}
    await ws.disconnect()


async def test_a_nul_in_a_log_message_is_stored_replaced(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    await send(ws, data(1, logs=[log("a\x00b")]))
    assert await recv(ws) == {"type": "ack", "seq": 1}
    line = await database_sync_to_async(LogLine.objects.get)(server=server)
    assert line.message == "a\ufffdb"
    await ws.disconnect()


@pytest.mark.parametrize("depth", [1100, 5000])
async def test_a_frame_nested_too_deep_to_read_is_malformed_and_the_socket_stays_open(bound_key, depth):
    ws, _ = await connect_agent(bound_key)
    # NaN makes the fast parser refuse it, so the fallback reads it too.
    await send(ws, '{"type": "data", "seq": 1, "x": NaN, "y": ' + "[" * depth + "]" * depth + "}")
    assert (await recv(ws))["code"] == "malformed"
    await send(ws, data(1))
    assert await recv(ws) == {"type": "ack", "seq": 1}
    await ws.disconnect()


async def test_more_than_four_windows_in_flight_closes_4429(bound_key, settings):
    settings.AGENT_WINDOW = 1
    settings.INGEST_BATCH_INTERVAL_MS = 1000
    ws, _ = await connect_agent(bound_key)
    for seq in range(1, 8):  # the first is written at once, the rest wait for the next batch
        await send(ws, data(seq))
    assert await closed_with(ws) == 4429
    await ws.disconnect()


def test_every_close_code_of_the_agent_socket_can_be_sent():
    """daphne's websocket library sends only 1000 and 3000-4999 for the application."""
    codes = {name: value for name, value in vars(consumers).items() if name.startswith("CLOSE_")}
    assert codes
    assert all(code == 1000 or 4000 <= code <= 4999 for code in codes.values()), codes


def test_max_frame_bytes_above_daphnes_own_limit_is_refused(tmp_path):
    import os

    env = {**os.environ, "AGENT_MAX_FRAME_BYTES": str(2 * 1024 * 1024), "CHATOPS_VAR_DIR": str(tmp_path)}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "AGENT_MAX_FRAME_BYTES" in result.stderr


# --- The batcher's backstop: frames validation should have refused, written directly ----------


class Listener:
    """A socket's side of the batcher, recording what it is told."""

    def __init__(self) -> None:
        self.told: list[str] = []

    async def committed(self) -> None:
        self.told.append("committed")

    async def not_stored(self) -> None:
        self.told.append("not_stored")


def frame_in(server: Server, seq: int, message: str = "ok", stream: str = "backstop-01") -> FrameIn:
    payload = {
        "type": "data",
        "seq": seq,
        "samples": [{"ts": NOW, "values": {"cpu_percent": float(seq)}}],
        "logs": [{"ts": NOW, "level": "info", "source": "t", "message": message}],
        "dropped": {"samples": 0, "logs": 0},
    }
    return FrameIn(server.pk, stream, payload)  # type: ignore[arg-type]


async def test_a_batch_failing_on_one_frames_data_stores_every_other_frame_in_order(server, other_server):
    batcher = IngestBatcher(interval=0.3)
    first, guilty, innocent = Listener(), Listener(), Listener()
    await batcher.enqueue(frame_in(server, 1), first)  # the next batch waits, and gathers the rest
    futures = [
        batcher.enqueue(frame_in(server, 2), guilty),
        batcher.enqueue(frame_in(server, 3, "\udc00 not text"), guilty),
        batcher.enqueue(frame_in(other_server, 1), innocent),
        batcher.enqueue(frame_in(server, 4), guilty),
        batcher.enqueue(frame_in(other_server, 2), innocent),
    ]
    await asyncio.wait_for(asyncio.wait(futures), 10)
    refused = [isinstance(f.exception(), ingest.FrameRefused) for f in futures]
    assert refused == [False, True, False, False, False]
    assert [f.exception() for i, f in enumerate(futures) if i != 1] == [None] * 4
    assert innocent.told == ["committed"]
    assert guilty.told == ["committed"]
    assert await count(MetricSample, server=other_server) == 2
    assert (
        sorted(
            await database_sync_to_async(list)(LogLine.objects.filter(server=server).values_list("message", flat=True))
        )
        == ["ok"] * 3
    )
    stream = await stream_of(server)
    assert (stream.last_seq, stream.rejected_frames) == (4, 1)
    assert batcher.task is not None
    batcher.task.cancel()


async def test_the_agent_socket_refuses_a_frame_the_batcher_could_not_store_and_acknowledges_past_it(
    bound_key, server, monkeypatch
):
    """The consumer's side of the backstop: an error with the refused seq, then the ack."""
    from agents import protocol

    real = protocol.parse_data

    def letting_surrogates_through(frame: dict[str, Any], now: float | None = None) -> Any:
        if frame.get("seq") == 2:  # as validation did before it knew lone surrogates
            parsed = real({**frame, "logs": []}, now)
            parsed["logs"] = [{"ts": NOW, "level": "info", "source": "t", "message": "\ud800"}]
            return parsed
        return real(frame, now)

    monkeypatch.setattr(protocol, "parse_data", letting_surrogates_through)
    ws, _ = await connect_agent(bound_key)
    for seq in (1, 2, 3):
        await send(ws, data(seq))
    seen: list[dict[str, Any]] = []
    while not seen or seen[-1] != {"type": "ack", "seq": 3}:
        seen.append(await recv(ws))
    errors = [frame for frame in seen if frame["type"] == "error"]
    assert [(e["code"], e["seq"]) for e in errors] == [("invalid_frame", 2)]
    assert await count(MetricSample, server=server) == 2
    await ws.disconnect()


async def test_a_browser_socket_answers_json_nested_too_deep_as_malformed_and_stays_open(viewer, server):
    from accounts.services import issue_tokens
    from tests.sockets import browser_socket

    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    ws = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    assert (await ws.connect())[0]
    await send(ws, "[" * 5000 + "]" * 5000)
    assert (await recv(ws))["code"] == "malformed"
    await send(ws, {"type": "ping"})
    assert await recv(ws) == {"type": "pong"}
    await ws.disconnect()
