"""``DELETE /users/{id}`` (deactivate) closes every socket the user holds within 5 s: the agent
sockets their keys opened and their browser streams (metrics, the fleet, alerts, commands,
chat), through the real ASGI application and channel layer (Redis when ``REDIS_URL`` is set).
Should the channel layer's message be lost, each process's recheck closes them in the same
time (``tests/agents/test_agent_identity.py``)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from channels.db import database_sync_to_async

from accounts.choices import Role
from accounts.models import User
from accounts.services import create_api_key, issue_tokens
from agents.models import CommandHistory
from servers.models import Server
from tests.factories import UserFactory
from tests.sockets import browser_socket, closed_with, connect_agent, recv, send

pytestmark = pytest.mark.django_db(transaction=True)
CLOSE_WITHIN = 5.0


def sync(fn: Any) -> Any:
    return database_sync_to_async(fn)()


async def streams_of(user: User, paths: list[str]) -> list[Any]:
    token = await sync(lambda: issue_tokens(user).access_token)
    opened = []
    for path in paths:
        ws = browser_socket(path, token)
        assert (await ws.connect())[0], path
        await send(ws, {"type": "ping"})  # answered once the stream has joined its groups
        assert (await recv(ws))["type"] == "pong", path
        opened.append(ws)
    return opened


async def all_closed_within(sockets: list[Any], started: float) -> list[int]:
    codes = [await closed_with(ws, timeout=CLOSE_WITHIN) for ws in sockets]
    assert time.monotonic() - started < CLOSE_WITHIN
    return codes


async def test_deactivating_a_user_closes_their_agent_and_browser_sockets_within_5_s(admin, client_for):
    owner = await sync(lambda: UserFactory.create(username="ops2", role=Role.ADMIN))
    server = await sync(lambda: Server.objects.create(name="db-1", hostname="db-1.example.org"))
    history = await sync(lambda: CommandHistory.objects.create(server=server, requested_by=owner, command="uptime"))
    _, raw = await sync(lambda: create_api_key(None, owner, name="agent", server=server))
    agent, _ = await connect_agent(raw, hostname="db-1.example.org")
    paths = [
        f"/api/v1/ws/metrics/{server.pk}",
        f"/api/v1/ws/logs/{server.pk}",
        "/api/v1/ws/metrics",
        "/api/v1/ws/alerts",
        f"/api/v1/ws/commands/{history.pk}",
        "/api/v1/ws/chat",
    ]
    browsers = await streams_of(owner, paths)
    others = await streams_of(admin, ["/api/v1/ws/metrics"])  # someone else's stays open
    rest = await sync(lambda: client_for(admin))
    started = time.monotonic()
    response = await sync(lambda: rest.delete(f"/api/v1/users/{owner.pk}"))
    assert response.status_code == 200, response.content
    assert await all_closed_within([agent, *browsers], started) == [4401] * (1 + len(paths))
    assert await others[0].receive_nothing(0.2)
    await others[0].disconnect()


async def test_deactivating_through_put_closes_a_viewers_streams(admin, viewer, client_for):
    browsers = await streams_of(viewer, ["/api/v1/ws/metrics", "/api/v1/ws/alerts", "/api/v1/ws/chat"])
    rest = await sync(lambda: client_for(admin))
    started = time.monotonic()
    response = await sync(lambda: rest.put(f"/api/v1/users/{viewer.pk}", {"is_active": False}, format="json"))
    assert response.status_code == 200, response.content
    assert await all_closed_within(browsers, started) == [4401, 4401, 4401]
    # And the account cannot open a new one.
    again = browser_socket("/api/v1/ws/metrics", await sync(lambda: issue_tokens(viewer).access_token))
    assert (await again.connect())[0]
    assert await closed_with(again) in (4401, 4403)
