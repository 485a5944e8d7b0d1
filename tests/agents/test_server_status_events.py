"""Browsers hear a server go online and offline (server.status), on the fleet stream and on
the server's own metrics stream, through the real ASGI application."""

from __future__ import annotations

from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from accounts.services import create_api_key, issue_tokens
from agents.jobs import mark_silent_servers_offline
from monitoring.events import FLEET_METRICS_GROUP
from servers.models import Server
from tests.factories import ServerFactory
from tests.sockets import browser_socket, connect_agent, data, recv, send

pytestmark = pytest.mark.django_db(transaction=True)


async def next_status(ws):
    while True:
        event = await recv(ws)
        if event["type"] == "server.status":
            return event


async def test_connect_and_disconnect_are_announced(viewer, admin, server):
    raw = await database_sync_to_async(lambda: create_api_key(None, admin, name="a", server=server)[1])()
    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    fleet = browser_socket("/api/v1/ws/metrics", token)
    own = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    assert (await fleet.connect())[0] and (await own.connect())[0]
    agent, _ = await connect_agent(raw)
    for ws in (fleet, own):
        event = await next_status(ws)
        assert (event["server_id"], event["status"]) == (server.pk, "online")
        assert event["last_seen"] is not None
    await agent.disconnect()
    for ws in (fleet, own):
        event = await next_status(ws)
        assert (event["server_id"], event["status"]) == (server.pk, "offline")
    await fleet.disconnect()
    await own.disconnect()


async def test_the_silence_job_announces_offline(viewer, server):
    await database_sync_to_async(
        lambda: Server.objects.filter(pk=server.pk).update(
            status="online", last_seen=timezone.now() - timedelta(hours=1)
        )
    )()
    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    fleet = browser_socket("/api/v1/ws/metrics", token)
    assert (await fleet.connect())[0]
    assert await database_sync_to_async(mark_silent_servers_offline)() == 1
    event = await next_status(fleet)
    assert (event["server_id"], event["status"]) == (server.pk, "offline")
    await fleet.disconnect()


async def test_offline_comes_after_the_last_sample_of_a_closing_agent(viewer, admin, server, settings):
    """An agent that sends a sample and goes away at once: its page hears the sample first and
    offline last (a sample says online, so the other order would leave the page saying online
    for a server that is gone). The batch interval keeps the sample queued while the socket
    closes."""
    settings.INGEST_BATCH_INTERVAL_MS = 400
    raw = await database_sync_to_async(lambda: create_api_key(None, admin, name="a", server=server)[1])()
    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    own = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    assert (await own.connect())[0]
    agent, _ = await connect_agent(raw)
    assert (await next_status(own))["status"] == "online"
    await send(agent, data(1))
    assert await recv(agent) == {"type": "ack", "seq": 1}  # the first batch starts the interval
    await send(agent, data(2))
    await agent.disconnect()
    seen = []
    while not seen or seen[-1] != ("server.status", "offline"):
        event = await recv(own)
        seen.append((event["type"], event.get("status")))
    assert seen == [("metrics.sample", None), ("metrics.sample", None), ("server.status", "offline")]
    await own.disconnect()


def test_the_silence_job_announces_many_servers_in_one_publish(monkeypatch):
    """A hub that went away leaves thousands of servers online; the job marks them in one
    statement and announces them in one publish, each with its own last seen."""
    from agents import services

    batches: list[list] = []
    monkeypatch.setattr(services, "publish_after_commit", lambda events: batches.append(list(events)))
    long_ago = timezone.now() - timedelta(hours=1)
    servers = [ServerFactory.create(status="online", last_seen=long_ago - timedelta(minutes=i)) for i in range(5)]
    assert mark_silent_servers_offline() == 5
    assert len(batches) == 1
    fleet = [event for group, event in batches[0] if group == FLEET_METRICS_GROUP]
    assert [(e["server_id"], e["status"], e["last_seen"]) for e in fleet] == [
        (s.pk, "offline", s.last_seen.timestamp()) for s in servers
    ]
