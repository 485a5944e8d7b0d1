"""/api/v1/ws/alerts through the real ASGI application: an agent's samples fire an alert that
browsers hear at once; acknowledging it over the API is heard too."""

from __future__ import annotations

import time

import pytest
from channels.db import database_sync_to_async

from accounts.services import create_api_key, issue_tokens
from alerts.models import Threshold
from tests.sockets import browser_socket, closed_with, connect_agent, data, recv, send

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def agent_key(admin, server):
    return create_api_key(None, admin, name="agent", server=server)[1]


async def test_a_firing_alert_reaches_subscribed_browsers_and_so_does_its_acknowledgement(
    viewer, operator, server, agent_key, client_for
):
    await database_sync_to_async(Threshold.objects.create)(
        name="Hot", metric="cpu_percent", operator=">", value=90, clear_value=70, duration_seconds=0
    )
    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    browser = browser_socket("/api/v1/ws/alerts", token)
    connected, subprotocol = await browser.connect()
    assert connected and subprotocol == "bearer"
    agent, _ = await connect_agent(agent_key)
    now = float(int(time.time()))
    await send(agent, data(1, ts=now, cpu_percent=50.0))
    assert (await recv(agent))["type"] == "ack"
    await send(agent, data(2, ts=now + 1, cpu_percent=95.0))
    assert (await recv(agent))["type"] == "ack"
    event = await recv(browser)
    assert event["type"] == "alert.created"
    alert = event["alert"]
    assert (alert["server"], alert["status"], alert["value"], alert["name"]) == (server.pk, "firing", 95.0, "Hot")

    client = await database_sync_to_async(client_for)(operator)
    response = await database_sync_to_async(client.post)(
        f"/api/v1/alerts/{alert['id']}/acknowledge", {"comment": "looking"}, format="json"
    )
    assert response.status_code == 200
    event = await recv(browser)
    assert event["type"] == "alert.acknowledged"
    assert event["alert"]["acknowledged_by"] == operator.username

    await send(agent, data(3, ts=now + 2, cpu_percent=10.0))
    assert (await recv(agent))["type"] == "ack"
    event = await recv(browser)
    assert (event["type"], event["alert"]["status"]) == ("alert.resolved", "resolved")
    await agent.disconnect()
    await browser.disconnect()


async def test_without_a_token_the_alerts_stream_closes_4401():
    browser = browser_socket("/api/v1/ws/alerts", None)
    await browser.connect()
    assert await closed_with(browser) == 4401


async def test_a_foreign_origin_is_refused(viewer):
    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    browser = browser_socket("/api/v1/ws/alerts", token, origin="http://evil.example")
    connected, _ = await browser.connect()
    assert not connected
