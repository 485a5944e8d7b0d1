"""Teams scope the live streams too: a server's own streams refuse (4404) a user outside its
teams, and close once the user loses it; the fleet's metrics and the alerts reach each socket
only for the servers its user may see. Through the real ASGI application and channel layer."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async

from accounts.choices import Role
from accounts.models import Team, User
from accounts.services import issue_tokens
from agents.models import CommandHistory
from alerts.events import ALERTS_GROUP
from chatops.realtime import publish
from monitoring.events import FLEET_METRICS_GROUP, server_metrics_group
from servers.models import Server
from tests.factories import UserFactory, tagged_server
from tests.sockets import browser_socket, closed_with, recv, send

pytestmark = pytest.mark.django_db(transaction=True)


def sync(fn: Any) -> Any:
    return database_sync_to_async(fn)()


@pytest.fixture
def world(db) -> dict[str, Any]:
    web, dbs = tagged_server("web-1", "web"), tagged_server("db-1", "db")
    insider = UserFactory.create(username="ines", role=Role.OPERATOR)
    outsider = UserFactory.create(username="oscar", role=Role.OPERATOR)
    Team.objects.create(name="Web", tags=["web"]).members.add(insider)
    Team.objects.create(name="DB", tags=["db"]).members.add(outsider)
    history = CommandHistory.objects.create(server=web, requested_by=insider, command="uptime")
    return {"web": web, "db": dbs, "insider": insider, "outsider": outsider, "history": history}


async def opened(path: str, user: User) -> Any:
    token = await sync(lambda: issue_tokens(user).access_token)
    ws = browser_socket(path, token)
    connected, _ = await ws.connect()
    assert connected
    # The socket is accepted before it joins its groups; a ping answered means it has joined
    # (frames are handled in order, after the connection's own handling).
    await send(ws, {"type": "ping"})
    assert (await recv(ws))["type"] == "pong"
    return ws


def sample(server: Server, value: float) -> dict[str, Any]:
    return {"type": "metrics.sample", "server_id": server.pk, "ts": 1.0, "values": {"cpu_percent": value}}


def alert_event(server: Server, alert_id: int) -> dict[str, Any]:
    return {"type": "alert.created", "alert": {"id": alert_id, "server": server.pk}}


@pytest.mark.parametrize(
    "path", ["/api/v1/ws/metrics/{web.pk}", "/api/v1/ws/logs/{web.pk}", "/api/v1/ws/commands/{history.pk}"]
)
async def test_a_servers_own_streams_refuse_an_outsider_and_take_an_insider(world, path):
    url = path.format(**world)
    token = await sync(lambda: issue_tokens(world["outsider"]).access_token)
    refused = browser_socket(url, token)
    assert (await refused.connect())[0]
    assert await closed_with(refused) == 4404
    taken = await opened(url, world["insider"])
    assert await taken.receive_nothing(0.2)
    await taken.disconnect()


async def test_the_fleet_stream_carries_only_the_servers_each_user_sees(world):
    inside = await opened("/api/v1/ws/metrics", world["insider"])
    outside = await opened("/api/v1/ws/metrics", world["outsider"])
    web, dbs = world["web"], world["db"]
    await publish([(FLEET_METRICS_GROUP, sample(web, 1.0)), (FLEET_METRICS_GROUP, sample(dbs, 2.0))])
    await publish([(FLEET_METRICS_GROUP, sample(web, 3.0))])
    assert [(await recv(inside))["values"]["cpu_percent"] for _ in range(2)] == [1.0, 3.0]
    assert (await recv(outside))["values"]["cpu_percent"] == 2.0
    assert await outside.receive_nothing(0.3) and await inside.receive_nothing(0.1)
    await inside.disconnect()
    await outside.disconnect()


async def test_the_alerts_stream_carries_only_the_servers_each_user_sees(world):
    inside = await opened("/api/v1/ws/alerts", world["insider"])
    outside = await opened("/api/v1/ws/alerts", world["outsider"])
    await publish([(ALERTS_GROUP, alert_event(world["web"], 1)), (ALERTS_GROUP, alert_event(world["db"], 2))])
    assert (await recv(inside))["alert"]["id"] == 1
    assert (await recv(outside))["alert"]["id"] == 2
    assert await inside.receive_nothing(0.3) and await outside.receive_nothing(0.1)
    await inside.disconnect()
    await outside.disconnect()


async def test_a_server_enrolled_after_the_socket_opened_is_seen_at_once(world):
    outside = await opened("/api/v1/ws/metrics", world["outsider"])
    await publish([(FLEET_METRICS_GROUP, sample(world["db"], 1.0))])
    assert (await recv(outside))["server_id"] == world["db"].pk  # the user's servers are now known
    newer = await sync(lambda: tagged_server("db-2", "db"))
    await publish([(FLEET_METRICS_GROUP, sample(newer, 2.0))])
    assert (await recv(outside))["server_id"] == newer.pk
    await outside.disconnect()


async def test_a_user_who_loses_the_server_is_closed_out_of_its_stream(world, settings):
    settings.AGENT_KEY_RECHECK_SECONDS = 1
    web, insider = world["web"], world["insider"]
    ws = await opened(f"/api/v1/ws/metrics/{web.pk}", insider)
    await publish([(server_metrics_group(web.pk), sample(web, 1.0))])
    assert (await recv(ws))["values"] == {"cpu_percent": 1.0}
    await sync(lambda: Team.objects.get(name="Web").members.remove(insider))
    await asyncio.sleep(1.1)
    await publish([(server_metrics_group(web.pk), sample(web, 2.0))])
    assert await closed_with(ws) == 4404


async def test_a_scope_widened_reaches_open_streams_within_the_recheck(world, settings):
    settings.AGENT_KEY_RECHECK_SECONDS = 1
    outside = await opened("/api/v1/ws/alerts", world["outsider"])
    await publish([(ALERTS_GROUP, alert_event(world["web"], 1))])
    assert await outside.receive_nothing(0.3)
    await sync(lambda: Team.objects.filter(name="DB").update(tags=["db", "web"]))
    await asyncio.sleep(1.1)
    await publish([(ALERTS_GROUP, alert_event(world["web"], 2))])
    assert (await recv(outside))["alert"]["id"] == 2
    await outside.disconnect()
