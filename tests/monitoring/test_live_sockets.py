"""Browser sockets: JWT in the subprotocol, origin check, and live samples and log lines."""

from __future__ import annotations

import asyncio
import time

import channels.consumer
import pytest
from channels.db import database_sync_to_async

from accounts.services import create_api_key, issue_tokens
from tests.sockets import browser_socket, closed_with, connect_agent, data, recv, recv_data, send

pytestmark = pytest.mark.django_db(transaction=True)
NOW = float(int(time.time()))


@pytest.fixture
def token(viewer):
    return issue_tokens(viewer).access_token


@pytest.fixture
def agent_key(admin, server):
    return create_api_key(None, admin, name="agent", server=server)[1]


async def open_stream(path, token, origin="http://localhost"):
    ws = browser_socket(path, token, origin)
    connected, subprotocol = await ws.connect()
    return ws, connected, subprotocol


async def test_metrics_stream_pushes_each_committed_sample(token, agent_key, server):
    browser, connected, subprotocol = await open_stream(f"/api/v1/ws/metrics/{server.pk}", token)
    assert connected
    assert subprotocol == "bearer"
    agent, _ = await connect_agent(agent_key)
    await send(agent, data(1, ts=NOW, cpu_percent=77.0))
    assert (await recv(agent))["type"] == "ack"
    event = await recv_data(browser)
    assert event == {"type": "metrics.sample", "server_id": server.pk, "ts": NOW, "values": {"cpu_percent": 77.0}}
    await agent.disconnect()
    await browser.disconnect()


async def test_logs_stream_pushes_log_lines(token, agent_key, server):
    browser, connected, _ = await open_stream(f"/api/v1/ws/logs/{server.pk}", token)
    assert connected
    agent, _ = await connect_agent(agent_key)
    line = {"ts": NOW, "level": "error", "source": "/var/log/app.log", "message": "disk on fire"}
    await send(agent, data(1, logs=[line]))
    await recv(agent)
    event = await recv_data(browser)
    assert event["type"] == "logs.lines"
    assert event["lines"] == [line]
    await agent.disconnect()
    await browser.disconnect()


async def test_fleet_stream_gets_every_servers_newest_sample(token, agent_key, server):
    browser, connected, _ = await open_stream("/api/v1/ws/metrics", token)
    assert connected
    agent, _ = await connect_agent(agent_key)
    await send(agent, data(1, ts=NOW, cpu_percent=5.0))
    await recv(agent)
    event = await recv_data(browser)
    assert event["server_id"] == server.pk
    assert event["values"] == {"cpu_percent": 5.0}
    await agent.disconnect()
    await browser.disconnect()


async def test_no_token_closes_4401(server):
    ws, connected, _ = await open_stream(f"/api/v1/ws/metrics/{server.pk}", None)
    assert connected
    assert await closed_with(ws) == 4401


async def test_bad_token_closes_4401(server):
    ws, connected, _ = await open_stream(f"/api/v1/ws/logs/{server.pk}", "not-a-jwt")
    assert connected
    assert await closed_with(ws) == 4401


async def test_an_api_key_is_not_a_browser_token(server, viewer):
    _, raw = await database_sync_to_async(create_api_key)(None, viewer, name="k")
    ws, _, _ = await open_stream(f"/api/v1/ws/metrics/{server.pk}", raw)
    assert await closed_with(ws) == 4401


async def test_unknown_server_closes_4404(token):
    ws, connected, _ = await open_stream("/api/v1/ws/metrics/999999", token)
    assert connected
    assert await closed_with(ws) == 4404


async def test_inactive_user_closes_4401_or_4403(viewer, server, token):
    viewer.is_active = False
    await database_sync_to_async(viewer.save)()
    ws, _, _ = await open_stream(f"/api/v1/ws/metrics/{server.pk}", token)
    assert await closed_with(ws) in (4401, 4403)


async def test_foreign_origin_is_refused(token, server):
    _ws, connected, _ = await open_stream(f"/api/v1/ws/metrics/{server.pk}", token, origin="http://evil.example")
    assert not connected


async def test_browsers_only_listen(token, server):
    ws, _, _ = await open_stream(f"/api/v1/ws/metrics/{server.pk}", token)
    await send(ws, {"type": "ping"})
    assert await recv(ws) == {"type": "pong"}
    await send(ws, {"type": "subscribe"})
    assert (await recv(ws))["code"] == "read_only"
    await send(ws, "{oops")
    assert (await recv(ws))["code"] == "malformed"
    await ws.disconnect()


async def test_command_stream_forwards_output_and_status(operator, server, agent_key):
    from agents.models import CommandHistory

    history = await database_sync_to_async(CommandHistory.objects.create)(server=server, command="ls", status="sent")
    op_token = await database_sync_to_async(lambda: issue_tokens(operator).access_token)()
    browser, connected, _ = await open_stream(f"/api/v1/ws/commands/{history.pk}", op_token)
    assert connected
    agent, _ = await connect_agent(agent_key)
    await send(agent, {"type": "command.accepted", "id": str(history.pk)})
    assert (await recv(browser))["status"] == "running"
    await send(agent, {"type": "command.output", "id": str(history.pk), "stream": "stdout", "data": "a.txt\n"})
    assert await recv(browser) == {"type": "command.output", "id": history.pk, "stream": "stdout", "data": "a.txt\n"}
    await agent.disconnect()
    await browser.disconnect()


async def test_a_stream_has_joined_its_groups_when_it_opens(operator, server, monkeypatch):
    """The dashboard reads a command when its socket opens, then relies on the socket for the
    rest: an event sent between the accept and a later join would reach no one, and the
    console would wait for a final status that never comes. Each join here takes a while, as
    a round trip to Redis does under load; the accept still comes after every one of them."""
    from channels.layers import get_channel_layer

    from agents.events import command_group
    from agents.models import CommandHistory

    layer = get_channel_layer()
    joined: list[str] = []
    group_add = layer.group_add

    async def slow_group_add(group, channel):
        await asyncio.sleep(0.2)
        await group_add(group, channel)
        joined.append(group)

    monkeypatch.setattr(layer, "group_add", slow_group_add)
    history = await database_sync_to_async(CommandHistory.objects.create)(server=server, command="ls", status="sent")
    op_token = await database_sync_to_async(lambda: issue_tokens(operator).access_token)()
    browser, connected, _ = await open_stream(f"/api/v1/ws/commands/{history.pk}", op_token)
    assert connected
    assert command_group(history.pk) in joined
    event = {"type": "command.status", "id": history.pk, "status": "succeeded", "final": True}
    await layer.group_send(command_group(history.pk), event)
    assert await recv(browser) == event
    await browser.disconnect()


async def test_viewers_cannot_follow_commands(token, server):
    from agents.models import CommandHistory

    history = await database_sync_to_async(CommandHistory.objects.create)(server=server, command="ls")
    ws, _, _ = await open_stream(f"/api/v1/ws/commands/{history.pk}", token)
    assert await closed_with(ws) == 4403


async def test_unknown_command_stream_closes_4404(operator):
    op_token = await database_sync_to_async(lambda: issue_tokens(operator).access_token)()
    ws, _, _ = await open_stream("/api/v1/ws/commands/999999", op_token)
    assert await closed_with(ws) == 4404


async def test_stream_events_skip_channels_per_message_connection_check(token, agent_key, server, monkeypatch):
    hops = []

    async def counted() -> None:
        hops.append(1)

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    browser, connected, _ = await open_stream(f"/api/v1/ws/metrics/{server.pk}", token)
    assert connected
    agent, _ = await connect_agent(agent_key)
    await send(agent, data(1, ts=NOW, cpu_percent=1.0))
    await recv(agent)
    assert (await recv_data(browser))["type"] == "metrics.sample"
    await send(browser, {"type": "ping"})
    assert await recv(browser) == {"type": "pong"}
    await agent.disconnect()
    await browser.disconnect()
    assert hops == []
