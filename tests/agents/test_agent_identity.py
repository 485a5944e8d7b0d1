"""An agent socket is only ever the server its key is for; what a key or user loses closes the
sockets it opened within seconds. All through the real ASGI application."""

from __future__ import annotations

import asyncio

import pytest
from channels.db import database_sync_to_async
from django.test import Client
from rest_framework.test import APIClient

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import APIKey, User
from accounts.services import create_api_key, issue_tokens, revoke_api_key
from agents.models import ConnectionEvent
from monitoring.models import MetricSample
from servers.models import Server
from tests.helpers import admin_url
from tests.sockets import agent_socket, browser_socket, closed_with, connect_agent, data, hello, recv, send

pytestmark = pytest.mark.django_db(transaction=True)
CLOSE_WITHIN = 5.0


def sync(fn):
    return database_sync_to_async(fn)()


def rest_as(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user).access_token}")
    return client


@pytest.fixture
def bound_key(admin, server):
    return create_api_key(None, admin, name="agent", server=server)[1]


@pytest.fixture
def enrol_key(admin):
    return create_api_key(None, admin, name="enrol", scopes=["enrol"])[1]


async def still_open(ws, seq: int) -> None:
    """The socket was not closed: it takes a frame and acknowledges it."""
    await send(ws, data(seq))
    assert await recv(ws) == {"type": "ack", "seq": seq}


async def refused(raw_key: str, hostname: str) -> dict:
    """Open a socket with ``raw_key``, say hello as ``hostname``; the error frame it gets before
    its 4403."""
    ws = agent_socket(raw_key)
    assert (await ws.connect())[0]
    await send(ws, hello(hostname=hostname, stream="impostor0001"))
    error = await recv(ws)
    assert await closed_with(ws) == 4403
    return error


async def test_a_viewers_key_cannot_impersonate_a_connected_server(viewer, server, bound_key):
    real, _ = await connect_agent(bound_key)
    await still_open(real, 1)
    response = await sync(lambda: rest_as(viewer).post("/api/v1/api-keys", {"name": "mine"}, format="json"))
    assert response.status_code == 201
    error = await refused(response.json()["data"]["key"], server.hostname)
    assert error == {"type": "error", "code": "forbidden", "detail": error["detail"]}
    await still_open(real, 2)
    assert await sync(lambda: MetricSample.objects.filter(server=server).count()) == 2
    assert await sync(lambda: ConnectionEvent.objects.filter(server=server, kind="connect").count()) == 1
    await real.disconnect()


async def test_an_admins_script_key_is_no_agent_key(admin, server):
    _, raw = await sync(lambda: create_api_key(None, admin, name="script", scopes=["servers:read", "servers:write"]))
    assert (await refused(raw, server.hostname))["code"] == "forbidden"


async def test_an_enrolment_key_never_takes_a_server_that_has_an_agent_key(enrol_key, bound_key, server):
    real, _ = await connect_agent(bound_key)
    error = await refused(enrol_key, server.hostname.upper())
    assert error["code"] == "forbidden"
    assert "agent key" in error["detail"]
    await still_open(real, 1)
    await real.disconnect()


async def test_an_enrolment_key_cannot_take_over_a_server_enrolled_through_another(admin, enrol_key):
    first, welcome = await connect_agent(enrol_key, hostname="box.example.org")
    await still_open(first, 1)
    other_admin = await sync(lambda: User.objects.create_user("eve", "eve@example.com", "x", role=Role.ADMIN))
    _, raw = await sync(lambda: create_api_key(None, other_admin, name="enrol", scopes=["enrol"]))
    error = await refused(raw, "BOX.example.org")
    assert "another key" in error["detail"]
    await still_open(first, 2)
    # Once the first key is revoked its server may be enrolled afresh.
    first_key = await sync(lambda: APIKey.objects.get(user=admin))
    await sync(lambda: revoke_api_key(Actor.for_user(admin, "system"), first_key))
    assert await closed_with(first) == 4401
    second, again = await connect_agent(raw, hostname="box.example.org", stream="secondstream1")
    assert again["server_id"] == welcome["server_id"]
    await second.disconnect()


async def test_an_enrolment_key_of_a_demoted_admin_is_refused(admin, enrol_key):
    await sync(lambda: User.objects.filter(pk=admin.pk).update(role=Role.OPERATOR))
    ws = agent_socket(enrol_key)
    await ws.connect()
    assert (await recv(ws))["code"] == "forbidden"
    assert await closed_with(ws) == 4403
    assert not await sync(lambda: Server.objects.filter(hostname="web-1.example.internal").exists())


async def test_commands_never_reach_a_refused_socket(viewer, operator, server, bound_key):
    """The finding's end: an operator's command goes to the real agent, not to an impostor."""
    real, _ = await connect_agent(bound_key, capabilities=["metrics", "logs", "commands"])
    _, raw = await sync(lambda: create_api_key(None, viewer, name="mine"))
    await refused(raw, server.hostname)
    client = await sync(lambda: rest_as(operator))
    body = {"command": "uptime", "wait": False}
    response = await sync(lambda: client.post(f"/api/v1/commands/{server.pk}", body, format="json"))
    assert response.status_code == 202, response.content
    frame = await recv(real)
    assert frame["type"] == "command" and frame["command"] == "uptime"
    await real.disconnect()


# --- What a key or user loses closes what it opened ------------------------------------------


async def test_changing_an_enrolment_keys_scopes_closes_its_socket(admin, enrol_key):
    ws, _ = await connect_agent(enrol_key, hostname="box.example.org")
    key = await sync(lambda: APIKey.objects.get(user=admin))
    client = await sync(lambda: rest_as(admin))
    body = {"scopes": ["servers:read"]}
    response = await sync(lambda: client.patch(f"/api/v1/api-keys/{key.pk}", body, format="json"))
    assert response.status_code == 200, response.content
    assert await closed_with(ws, timeout=CLOSE_WITHIN) == 4401


async def test_deactivating_a_user_closes_their_agent_and_browser_sockets(admin, server):
    """Through the admin console, as an admin does it: every socket of the user closes."""
    other = await sync(lambda: Server.objects.create(name="db-1", hostname="db-1.example.org"))
    agent_owner = await sync(lambda: User.objects.create_user("ops2", "ops2@example.com", "x", role=Role.ADMIN))
    _, agent_raw = await sync(lambda: create_api_key(None, agent_owner, name="agent", server=other))
    agent, _ = await connect_agent(agent_raw)
    token = await sync(lambda: issue_tokens(agent_owner).access_token)
    streams = []
    for path in (f"/api/v1/ws/metrics/{server.pk}", "/api/v1/ws/metrics", "/api/v1/ws/alerts"):
        ws = browser_socket(path, token)
        assert (await ws.connect())[0]
        streams.append(ws)

    def deactivate() -> int:
        console = Client()
        console.force_login(admin)
        form = {
            "username": agent_owner.username,
            "email": agent_owner.email,
            "full_name": agent_owner.full_name,
            "role": agent_owner.role,
        }
        return console.post(admin_url("accounts", "user", "change", agent_owner.pk), form).status_code

    assert await sync(deactivate) == 302
    assert await closed_with(agent, timeout=CLOSE_WITHIN) == 4401
    for ws in streams:
        assert await closed_with(ws, timeout=CLOSE_WITHIN) == 4401


async def test_a_user_deactivated_without_announcement_is_caught_by_the_recheck(viewer, server, settings):
    settings.AGENT_KEY_RECHECK_SECONDS = 1
    token = await sync(lambda: issue_tokens(viewer).access_token)
    ws = browser_socket(f"/api/v1/ws/logs/{server.pk}", token)
    assert (await ws.connect())[0]
    await asyncio.sleep(0.1)
    await sync(lambda: User.objects.filter(pk=viewer.pk).update(is_active=False))
    assert await closed_with(ws, timeout=CLOSE_WITHIN) == 4401


async def test_a_scope_taken_away_without_announcement_is_caught_by_the_recheck(admin, enrol_key, settings):
    settings.AGENT_KEY_RECHECK_SECONDS = 1
    ws, _ = await connect_agent(enrol_key, hostname="box.example.org")
    await sync(lambda: APIKey.objects.filter(user=admin).update(scopes=["servers:read"]))
    assert await closed_with(ws, timeout=CLOSE_WITHIN) == 4401


async def test_demoting_an_admin_closes_their_enrolment_keys_sockets(admin, enrol_key):
    ws, _ = await connect_agent(enrol_key, hostname="box.example.org")
    other_admin = await sync(lambda: User.objects.create_user("eve", "eve@example.com", "x", role=Role.ADMIN))

    def demote() -> int:
        console = Client()
        console.force_login(other_admin)
        form = {"username": admin.username, "email": admin.email, "full_name": admin.full_name, "role": "operator"}
        form["is_active"] = "on"
        return console.post(admin_url("accounts", "user", "change", admin.pk), form).status_code

    assert await sync(demote) == 302
    assert await closed_with(ws, timeout=CLOSE_WITHIN) == 4401
