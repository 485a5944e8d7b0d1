"""The agent against a fake hub: hello, order, window, reconnects, close codes, error frames."""

from __future__ import annotations

import asyncio
import json
import random
import re
from http import HTTPStatus

import pytest
from websockets.asyncio.server import serve

from chatops_agent import __version__
from chatops_agent.buffer import FrameBuffer
from chatops_agent.link import HubLink, backoff_delay
from chatops_agent.protocol import FrameBody
from tests.agents.daemon.conftest import KEY, FakeHub, make_agent, make_settings, running, until


def consecutive_within_each_connection(hub: FakeHub) -> bool:
    by_connection: dict[int, list[int]] = {}
    for number, frame in hub.received:
        by_connection.setdefault(number, []).append(frame["seq"])
    return all(seqs == list(range(seqs[0], seqs[0] + len(seqs))) for seqs in by_connection.values())


@pytest.mark.parametrize(
    ("flags", "capabilities"),
    [
        ({}, ["metrics", "logs"]),
        ({"allow_commands": True, "allow_docker": True}, ["metrics", "logs", "commands", "docker"]),
    ],
)
async def test_hello_describes_the_host_and_the_key_travels_in_the_authorization_header(
    hub, tmp_path, flags, capabilities
):
    agent = make_agent(make_settings(tmp_path, hub.url, interval=1.5, **flags))
    async with running(agent):
        await until(lambda: hub.hellos, what="hello")
    hello = hub.hellos[0]
    assert hub.headers[0]["Authorization"] == f"Bearer {KEY}"
    assert KEY not in hub.headers[0].get("User-Agent", "")
    assert hello["type"] == "hello"
    assert hello["protocol"] == 1
    assert hello["agent_version"] == __version__
    assert hello["hostname"] == "web-1"
    assert isinstance(hello["os"], str) and hello["os"]
    assert isinstance(hello["kernel"], str) and hello["kernel"]
    assert isinstance(hello["cpu_count"], int) and hello["cpu_count"] >= 1
    assert isinstance(hello["memory_total_bytes"], int) and hello["memory_total_bytes"] > 0
    assert hello["capabilities"] == capabilities
    assert re.fullmatch(r"[A-Za-z0-9_-]{8,64}", hello["stream"])
    assert hello["interval"] == 1.5
    assert agent.buffer is not None and hello["stream"] == agent.buffer.stream


async def test_frames_arrive_in_seq_order_and_stop_at_the_window(hub, tmp_path):
    hub.window = 3
    hub.ack = False  # the hub is slow: nothing is acknowledged
    agent = make_agent(make_settings(tmp_path, hub.url))
    async with running(agent):
        await until(lambda: len(hub.received) >= 3, what="a full window")
        await asyncio.sleep(0.4)  # 8 more intervals: the agent keeps collecting, not sending
        assert hub.seqs() == [1, 2, 3]
        assert agent.buffer is not None and agent.buffer.count >= 8

        await hub.send({"type": "ack", "seq": 2})  # two frames leave the window, two may go
        await until(lambda: len(hub.received) >= 5, what="two more frames")
        await asyncio.sleep(0.2)
        assert hub.seqs() == [1, 2, 3, 4, 5]
        oldest = agent.buffer.frames_after(0, 1)[0][0]
        assert oldest == 3  # the acknowledged frames left the buffer; the rest wait


async def test_every_frame_arrives_after_the_hub_drops_the_connection_and_comes_back(hub, tmp_path):
    hub.ack_until = 5  # frames 6.. are received but never acknowledged on the first connection
    agent = make_agent(make_settings(tmp_path, hub.url))
    async with running(agent):
        await until(lambda: len(hub.received) >= 8, what="eight frames")
        await hub.stop()
        await asyncio.sleep(0.3)  # down: the agent collects into its buffer and retries
        assert agent.link is not None and not agent.link.connected
        hub.ack_until = None
        await hub.start()
        assert agent.buffer is not None
        target = agent.buffer.next_seq + 3
        await until(lambda: hub.acked >= target, what="frames after the reconnect")

    seqs = hub.seqs()
    assert hub.connections >= 2
    assert sorted(set(seqs)) == list(range(1, max(seqs) + 1)), "a frame was lost"
    duplicates = {seq for seq in seqs if seqs.count(seq) > 1}
    assert all(seq > 5 for seq in duplicates), "an acknowledged frame was sent again"
    assert consecutive_within_each_connection(hub)


@pytest.mark.parametrize(("code", "exit_code"), [(4401, 77), (4403, 77), (4400, 76)])
async def test_a_fatal_close_code_stops_the_agent_without_retrying(hub, tmp_path, code, exit_code, caplog):
    hub.reject = (code, "no")
    agent = make_agent(make_settings(tmp_path, hub.url))
    stop = asyncio.Event()
    result = await asyncio.wait_for(agent.run(stop), 5)
    assert result == exit_code
    assert hub.connections == 1
    assert any(record.levelname == "ERROR" and str(code) in record.getMessage() for record in caplog.records)


async def test_an_http_401_at_the_handshake_stops_the_agent(tmp_path):
    attempts = 0

    def refuse(connection, request):
        nonlocal attempts
        attempts += 1
        return connection.respond(HTTPStatus.UNAUTHORIZED, "invalid key\n")

    async with serve(lambda ws: ws.close(), "127.0.0.1", 0, process_request=refuse) as server:
        port = server.sockets[0].getsockname()[1]
        agent = make_agent(make_settings(tmp_path, f"http://127.0.0.1:{port}"))
        assert await asyncio.wait_for(agent.run(asyncio.Event()), 5) == 77
    assert attempts == 1


@pytest.mark.parametrize("code", [1000, 1009, 1011, 4408, 4409, 4413, 4429, 4503])
async def test_other_close_codes_reconnect(hub, tmp_path, code):
    hub.reject = (code, "go away")
    agent = make_agent(make_settings(tmp_path, hub.url))
    async with running(agent) as task:
        await until(lambda: hub.connections >= 3, what="retries")
        assert agent.link is not None and agent.link.attempt >= 2
        hub.reject = None
        await until(lambda: len(hub.received) >= 2, what="frames")
        assert not task.done()


async def test_the_backoff_starts_afresh_only_after_a_connection_that_lasted(hub, tmp_path):
    buffer = FrameBuffer(tmp_path / "buffer.sqlite3", 100)
    url = f"ws://127.0.0.1:{hub.port}/api/v1/agents/ws"
    link = HubLink(url, KEY, {"type": "hello"}, buffer, backoff_base=0.001, stable_after=0.3)
    link.attempt = 5
    hub.close_after_welcome = (4409, "replaced")  # welcomed, then closed at once: not stable
    task = asyncio.create_task(link.run())
    try:
        await until(lambda: hub.connections >= 3, what="reconnects")
        assert link.attempt >= 7  # the welcomes did not reset it
        hub.close_after_welcome = None
        await until(lambda: link.connected, what="a lasting connection")
        await asyncio.sleep(0.5)
        assert hub.ws is not None
        await hub.ws.close(1001, "going away")
        await until(lambda: link.attempt == 1, what="the backoff to start afresh")
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        buffer.close()


async def test_after_retry_later_the_backoff_keeps_growing_even_after_a_connection_that_lasted(hub, tmp_path):
    buffer = FrameBuffer(tmp_path / "buffer.sqlite3", 100)
    url = f"ws://127.0.0.1:{hub.port}/api/v1/agents/ws"
    link = HubLink(url, KEY, {"type": "hello"}, buffer, backoff_base=0.001, stable_after=0.3)
    link.attempt = 5
    task = asyncio.create_task(link.run())
    try:
        await until(lambda: link.connected, what="a connection")
        await asyncio.sleep(0.5)  # it lasted
        assert hub.ws is not None
        await hub.ws.close(4503, "storage error")
        await until(lambda: hub.connections >= 2 and link.connected, what="the reconnect")
        assert link.attempt == 6  # not started afresh: the hub asked to be left alone for a while
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        buffer.close()


async def test_error_frames_and_junk_from_the_hub_do_not_stop_the_agent(hub, tmp_path, caplog):
    hub.before_welcome = [json.dumps({"type": "error", "code": "invalid_frame", "detail": "hostname: too long"})]
    hub.after_welcome = [
        json.dumps({"type": "error", "code": "invalid_frame", "detail": "samples[0].values.x: not a number", "seq": 1}),
        json.dumps({"type": "error"}),
        "not json",
        "[1, 2]",
        b"\x00binary",
        json.dumps({"type": "command", "id": 1}),  # a frame type of a newer hub
        json.dumps({"type": "ack", "seq": "three"}),
    ]
    agent = make_agent(make_settings(tmp_path, hub.url))
    async with running(agent) as task:
        await until(lambda: len(hub.received) >= 5, what="frames after the junk")
        assert not task.done()
    assert hub.connections == 1
    assert "not a number" in caplog.text


async def test_welcome_last_seq_drops_what_the_hub_already_has(hub, tmp_path):
    settings = make_settings(tmp_path, hub.url)
    buffer = FrameBuffer(settings.buffer, 100)
    buffer.append([FrameBody('{"samples":[],"logs":[]}', 0, 0)] * 5)
    buffer.close()
    hub.welcome_last_seq = 3
    async with running(make_agent(settings)):
        await until(lambda: len(hub.received) >= 3, what="frames")
    assert hub.seqs()[:3] == [4, 5, 6]


async def test_drops_of_a_full_buffer_are_reported_in_the_next_frame_sent(hub, tmp_path):
    await hub.stop()  # down from the start
    agent = make_agent(make_settings(tmp_path, hub.url, buffer_max_frames=3))
    async with running(agent):
        await asyncio.sleep(0.5)  # about 10 intervals into a buffer of 3
        await hub.start()
        await until(lambda: len(hub.received) >= 3, what="frames")
    first = hub.received[0][1]
    assert first["seq"] > 3
    assert first["dropped"] == {"samples": first["seq"] - 1, "logs": 0}


async def test_a_restarted_agent_keeps_its_stream_and_sends_what_it_buffered_and_logged(hub, tmp_path):
    log_file = tmp_path / "app.log"
    log_file.write_text("before the first start\n")
    await hub.stop()
    settings = make_settings(tmp_path, hub.url, log_files=(str(log_file),))
    first = make_agent(settings)
    async with running(first):
        await asyncio.sleep(0.15)
        with log_file.open("a") as handle:
            handle.write("ERROR while the hub was down\n")
        await asyncio.sleep(0.2)
    assert first.buffer is not None
    stream, stored = first.buffer.stream, first.buffer.next_seq - 1
    with log_file.open("a") as handle:
        handle.write("while the agent was stopped\n")

    await hub.start()
    second = make_agent(settings)
    async with running(second):
        await until(lambda: len(hub.received) >= stored + 3, what="the buffered frames and new ones")
    assert hub.hellos[0]["stream"] == stream
    assert hub.seqs()[: stored + 3] == list(range(1, stored + 4))
    # A line that states no level is sent without one (the hub reads it as unknown).
    messages = [(line.get("level"), line["message"]) for _, frame in hub.received for line in frame["logs"]]
    assert messages == [("error", "ERROR while the hub was down"), (None, "while the agent was stopped")]


def test_backoff_delays_are_within_the_full_jitter_bounds():
    rng = random.Random(42)
    for attempt in range(12):
        ceiling = min(60.0, 2.0**attempt)
        delays = [backoff_delay(attempt, rng=rng) for _ in range(300)]
        assert all(0.0 <= delay <= ceiling for delay in delays)
        # Full jitter: the whole range is used, not a narrow band near the ceiling.
        assert min(delays) < ceiling * 0.1 and max(delays) > ceiling * 0.9
    assert 0.0 <= backoff_delay(5000, rng=rng) <= 60.0  # no overflow after a long outage
    assert backoff_delay(3, base=0.5, rng=rng) <= 4.0


async def test_a_hub_that_never_welcomes_is_left_and_tried_again(tmp_path, caplog):
    hellos = 0

    async def mute(ws):
        nonlocal hellos
        await ws.recv()
        hellos += 1
        await ws.wait_closed()

    async with serve(mute, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        buffer = FrameBuffer(tmp_path / "buffer.sqlite3", 100)
        link = HubLink(
            f"ws://127.0.0.1:{port}/api/v1/agents/ws",
            KEY,
            {"type": "hello"},
            buffer,
            backoff_base=0.01,
            welcome_timeout=0.1,
        )
        task = asyncio.create_task(link.run())
        try:
            await until(lambda: hellos >= 2, what="a second hello")
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            buffer.close()
    assert "no usable welcome from the hub: none within 0.1 s of hello" in caplog.text


async def test_a_stop_that_comes_as_the_welcome_arrives_still_stops_the_link(hub, tmp_path):
    # The stop (a cancel) lands in the very turn the welcome is read. asyncio.wait_for on
    # Python 3.11 returns the finished result then and drops the cancel, so the agent went on
    # streaming and never stopped (a suite hung on it once, and failed on it once).
    buffer = FrameBuffer(tmp_path / "buffer.sqlite3", 100)
    url = f"ws://127.0.0.1:{hub.port}/api/v1/agents/ws"
    link = HubLink(url, KEY, {"type": "hello"}, buffer, backoff_base=0.001)
    task: asyncio.Task[None] | None = None
    read_welcome = link._welcome

    async def welcome_then_stop(ws):
        welcome = await read_welcome(ws)
        assert task is not None
        task.cancel()
        return welcome

    link._welcome = welcome_then_stop
    task = asyncio.create_task(link.run())
    try:
        done, _ = await asyncio.wait({task}, timeout=5)
        assert done, "the link went on after its cancel"
        assert task.cancelled()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        buffer.close()
