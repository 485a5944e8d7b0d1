"""The agent socket through the real ASGI application: auth, hello, data, acks, errors."""

from __future__ import annotations

import asyncio
import json
import time

import channels.consumer
import pytest
from channels.db import database_sync_to_async

from accounts.actor import Actor
from accounts.services import create_api_key, revoke_api_key
from agents.models import ConnectionEvent
from monitoring.models import IngestStream, LatestSample, LogLine, MetricSample
from servers.models import Server
from tests.sockets import agent_socket, closed_with, connect_agent, data, hello, recv, send

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bound_key(admin, server):
    _, raw = create_api_key(None, admin, name="agent", server=server)
    return raw


@pytest.fixture
def admin_key(admin):
    return create_api_key(None, admin, name="enrol", scopes=["enrol"])[1]


@pytest.fixture
def viewer_key(viewer):
    return create_api_key(None, viewer, name="viewer-enrol")[1]


def count(model, **filters):
    return database_sync_to_async(lambda: model.objects.filter(**filters).count())()


async def test_no_key_closes_4401():
    ws = agent_socket(None)
    assert (await ws.connect())[0]
    assert await closed_with(ws) == 4401


async def test_frames_sent_before_a_refusal_arrives_are_ignored():
    """An agent sends its hello right after the handshake; if connect() refused the key, that
    hello must not reach code that needs a key (it crashed the consumer)."""
    ws = agent_socket(None)
    assert (await ws.connect())[0]
    await send(ws, hello())
    await send(ws, data(1))
    assert await closed_with(ws) == 4401
    assert await ws.receive_nothing(timeout=0.3)
    await ws.disconnect()


async def test_unknown_key_closes_4401(db):
    ws = agent_socket("chk_" + "x" * 40)
    await ws.connect()
    assert await closed_with(ws) == 4401


async def test_hello_gets_welcome_and_marks_the_server_online(bound_key, server):
    ws, welcome = await connect_agent(bound_key)
    assert welcome["server_id"] == server.pk
    assert welcome["last_seq"] == 0
    assert welcome["window"] >= 1
    fresh = await database_sync_to_async(Server.objects.get)(pk=server.pk)
    assert fresh.status == "online"
    assert fresh.agent_version == "0.1.0"
    assert fresh.os.startswith("Debian")
    assert await count(ConnectionEvent, server=server, kind="connect") == 1
    await ws.disconnect()


async def test_data_is_acknowledged_after_it_is_stored(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    await send(ws, data(1, cpu_percent=55.0))
    assert await recv(ws) == {"type": "ack", "seq": 1}
    assert await count(MetricSample, server=server) == 1
    latest = await database_sync_to_async(LatestSample.objects.get)(server=server)
    assert latest.values["cpu_percent"] == 55.0
    await ws.disconnect()


async def test_the_same_frame_twice_is_stored_once(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    frame = data(1)
    await send(ws, frame)
    assert (await recv(ws))["seq"] == 1
    await send(ws, frame)
    assert (await recv(ws))["seq"] == 1
    assert await count(MetricSample, server=server) == 1
    await ws.disconnect()
    # After a reconnect the hub says what it has, so the agent can drop it.
    ws, welcome = await connect_agent(bound_key)
    assert welcome["last_seq"] == 1
    await send(ws, frame)
    await recv(ws)
    assert await count(MetricSample, server=server) == 1
    await ws.disconnect()


async def test_many_frames_in_flight_are_all_acknowledged_in_order(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    for seq in range(1, 21):
        await send(ws, data(seq, logs=[{"ts": 1.7e9, "level": "info", "source": "t", "message": f"line {seq}"}]))
    acked = 0
    while acked < 20:
        ack = await recv(ws)
        assert ack["type"] == "ack"
        assert ack["seq"] > acked
        acked = ack["seq"]
    assert await count(MetricSample, server=server) == 20
    assert await count(LogLine, server=server) == 20
    await ws.disconnect()


async def test_a_batch_that_fails_closes_4503_and_nothing_after_it_is_acknowledged(bound_key, server, monkeypatch):
    """The agent keeps what was not acknowledged: after a failed write, a later frame that was
    stored must not be acknowledged on this socket either (a cumulative ack would cover the
    lost one)."""
    import monitoring.ingest

    real = monitoring.ingest.record_samples

    def failing_on_seq_2(frames):
        if any(frame.data["seq"] == 2 for frame in frames):
            time.sleep(0.3)  # frame 3 arrives meanwhile and forms the next batch
            raise RuntimeError("disk full")
        return real(frames)

    monkeypatch.setattr(monitoring.ingest, "record_samples", failing_on_seq_2)
    ws, _ = await connect_agent(bound_key)
    await send(ws, data(1))
    assert await recv(ws) == {"type": "ack", "seq": 1}
    await send(ws, data(2))
    await asyncio.sleep(0.1)
    await send(ws, data(3))
    assert await closed_with(ws) == 4503  # retry later
    await monitoring.ingest.batcher().barrier()  # frame 3's batch, written on the ingest thread
    assert await count(MetricSample, server=server) == 2  # 1 and 3: the agent resends 2
    await ws.disconnect()


async def test_malformed_and_unknown_frames_get_errors_and_the_socket_stays_open(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    await send(ws, "{not json")
    assert (await recv(ws))["code"] == "malformed"
    await send(ws, "[1, 2]")
    assert (await recv(ws))["code"] == "malformed"
    await send(ws, {"type": "teleport"})
    assert (await recv(ws))["code"] == "unknown_type"
    await send(ws, hello())
    assert (await recv(ws))["code"] == "invalid_frame"
    await send(ws, data(1))
    assert (await recv(ws))["type"] == "ack"
    await ws.disconnect()


async def test_data_before_hello_is_refused(bound_key):
    ws = agent_socket(bound_key)
    await ws.connect()
    await send(ws, data(1))
    assert (await recv(ws))["code"] == "not_ready"
    await ws.disconnect()


@pytest.mark.parametrize(
    "bad",
    [
        {"samples": [{"ts": "now", "values": {}}]},
        {"samples": [{"ts": 1.7e9, "values": {"CPU Percent": 1}}]},
        {"samples": [{"ts": 1.7e9, "values": {"cpu_percent": "high"}}]},
        {"samples": [{"ts": 1.0, "values": {"cpu_percent": 1}}]},
        {"logs": [{"ts": 1.7e9, "level": "loud", "message": "x"}]},
        {"samples": "many"},
        # JSON the hub's fast parser refuses but the json module reads: still a refused value
        # with the frame's seq, acknowledged, so the agent does not resend it for ever.
        {"samples": [{"ts": 1.7e9, "values": {"cpu_percent": float("nan")}}]},
        {"samples": [{"ts": 1.7e9, "values": {"cpu_percent": 10**400}}]},
        {
            "samples": [
                {"ts": 1.7e9, "values": {"cpu_percent": 1}, "top": {"cpu": [{"pid": 2**70, "cpu": float("nan")}]}}
            ]
        },
    ],
    ids=["ts", "name", "value", "old", "level", "samples", "nan", "huge-int", "top-huge-int"],
)
async def test_an_invalid_frame_is_refused_acknowledged_and_counted(bound_key, server, bad):
    ws, _ = await connect_agent(bound_key)
    await send(ws, {"type": "data", "seq": 1, **bad})
    error = await recv(ws)
    assert error["type"] == "error"
    assert error["code"] == "invalid_frame"
    assert error["seq"] == 1
    assert await recv(ws) == {"type": "ack", "seq": 1}
    stream = await database_sync_to_async(IngestStream.objects.get)(server=server)
    assert stream.rejected_frames == 1
    assert await count(MetricSample, server=server) == 0
    await send(ws, data(2))
    assert (await recv(ws))["seq"] == 2
    await ws.disconnect()


async def test_top_processes_with_nan_are_stored_with_null(bound_key, server):
    # NaN is not JSON: the frame is read by the json module's fallback, and the share is stored
    # as null (PostgreSQL's jsonb refuses NaN; written as NaN it failed the whole batch).
    ws, _ = await connect_agent(bound_key)
    frame = data(1)
    frame["samples"][0]["top"] = {"cpu": [{"pid": 1, "name": "init", "cpu_percent": float("nan")}]}
    await send(ws, frame)
    assert await recv(ws) == {"type": "ack", "seq": 1}
    latest = await database_sync_to_async(LatestSample.objects.get)(server=server)
    assert latest.top == {"cpu": [{"pid": 1, "name": "init", "cpu_percent": None}]}
    await ws.disconnect()


async def test_oversized_frame_closes_4413(bound_key, settings):
    settings.AGENT_MAX_FRAME_BYTES = 4096
    ws, _ = await connect_agent(bound_key)
    await send(ws, json.dumps(data(1)) + " " * 5000)
    assert await closed_with(ws) == 4413


async def test_unsupported_protocol_closes_4400(bound_key):
    ws = agent_socket(bound_key)
    await ws.connect()
    await send(ws, hello(protocol=99))
    assert (await recv(ws))["code"] == "unsupported_protocol"
    assert await closed_with(ws) == 4400


async def test_admin_key_enrols_a_new_server_by_hostname(admin_key):
    ws, welcome = await connect_agent(admin_key, hostname="New-Box.example.org")
    server = await database_sync_to_async(Server.objects.get)(pk=welcome["server_id"])
    assert server.hostname == "new-box.example.org"
    assert server.status == "online"
    await ws.disconnect()


async def test_viewer_key_can_neither_enrol_nor_join_an_existing_server(viewer_key, server):
    # Refused before its hello, whatever hostname that would name.
    ws = agent_socket(viewer_key)
    await ws.connect()
    assert (await recv(ws))["code"] == "forbidden"
    assert await closed_with(ws) == 4403
    assert await count(ConnectionEvent, server=server) == 0


async def test_revoking_the_key_closes_the_socket(bound_key, server, admin):
    ws, _ = await connect_agent(bound_key)
    key = await database_sync_to_async(lambda: server.api_keys.get())()
    await database_sync_to_async(revoke_api_key)(Actor.for_user(admin, "system"), key)
    assert await closed_with(ws, timeout=6) == 4401


async def test_disconnect_marks_the_server_offline(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    await ws.disconnect()
    await asyncio.sleep(0.1)
    for _ in range(50):
        fresh = await database_sync_to_async(Server.objects.get)(pk=server.pk)
        if fresh.status == "offline":
            break
        await asyncio.sleep(0.05)
    assert fresh.status == "offline"
    assert await count(ConnectionEvent, server=server, kind="disconnect") == 1


async def test_a_newer_connection_replaces_the_old_one(bound_key, server):
    old, _ = await connect_agent(bound_key)
    new, _ = await connect_agent(bound_key)
    assert await closed_with(old) == 4409
    await asyncio.sleep(0.1)
    fresh = await database_sync_to_async(Server.objects.get)(pk=server.pk)
    assert fresh.status == "online"
    await send(new, data(1))
    assert (await recv(new))["type"] == "ack"
    await new.disconnect()


async def test_a_key_invalidated_without_announcement_is_caught_by_the_recheck(bound_key, server, settings):
    """The backstop: no channel-layer message (an expiry, a lost message), one recheck later."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import APIKey

    settings.AGENT_KEY_RECHECK_SECONDS = 1
    ws, _ = await connect_agent(bound_key)
    other, _ = await connect_agent(bound_key, hostname="ignored", stream="otherstream01")
    assert await closed_with(ws) == 4409  # the second socket replaced the first
    await database_sync_to_async(
        lambda: APIKey.objects.filter(server=server).update(expires_at=timezone.now() - timedelta(seconds=1))
    )()
    assert await closed_with(other, timeout=4) == 4401


async def test_container_state_sent_with_samples_is_kept_for_when_the_agent_is_away(bound_key, server, operator):
    from rest_framework.test import APIClient

    from accounts.services import issue_tokens
    from monitoring.models import ContainerSnapshot

    ws, _ = await connect_agent(bound_key)
    frame = data(1)
    item = {"id": "3f2a", "name": "web", "image": "nginx", "state": "running", "status": "Up 2 hours"}
    frame["containers"] = {"ts": frame["samples"][0]["ts"], "items": [item]}
    await send(ws, frame)
    assert (await recv(ws))["type"] == "ack"
    snapshot = await database_sync_to_async(ContainerSnapshot.objects.get)(server=server)
    assert snapshot.items == [item]
    await ws.disconnect()

    def listed():
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(operator).access_token}")
        return client.get(f"/api/v1/docker/{server.pk}/containers").json()["data"]

    for _ in range(50):  # the disconnect marks the server offline just after the socket closes
        if (await database_sync_to_async(Server.objects.get)(pk=server.pk)).status == "offline":
            break
        await asyncio.sleep(0.05)
    body = await database_sync_to_async(listed)()
    assert body["live"] is False
    assert body["age_seconds"] >= 0
    assert body["containers"][0]["name"] == "web"


async def test_malformed_container_state_is_an_invalid_frame(bound_key, server):
    ws, _ = await connect_agent(bound_key)
    frame = data(1)
    frame["containers"] = {"ts": frame["samples"][0]["ts"], "items": "web"}
    await send(ws, frame)
    assert (await recv(ws))["code"] == "invalid_frame"
    await ws.disconnect()


async def test_frames_skip_channels_per_message_connection_check(bound_key, server, monkeypatch):
    """Channels' close_old_connections hop before each message queued behind ingest on the
    database thread; the agent socket dispatches without it."""
    hops = []

    async def counted() -> None:
        hops.append(1)

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    ws, _ = await connect_agent(bound_key)
    for seq in (1, 2, 3):
        await send(ws, data(seq))
        assert (await recv(ws))["seq"] == seq
    await ws.disconnect()
    assert hops == []
    assert await count(MetricSample, server=server) == 3
