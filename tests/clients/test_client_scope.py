"""A client's scope of the fleet is its team's (through its bot's membership, which
``Server.objects.visible_to`` reads), and its key opens browsers' sockets until it is revoked
or rotated."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from accounts.actor import Actor
from accounts.models import Team
from chatops.asgi import application
from clients.services import revoke_client, rotate_key
from servers.models import Server, Tag
from tests.factories import ServerFactory
from tests.helpers import assert_error, assert_ok
from tests.roles import bearer
from tests.sockets import closed_with, recv, send

CHAT = "/api/v1/ws/chat"


def tagged(tag: str) -> Server:
    server = ServerFactory.create()
    server.tags.add(Tag.objects.get_or_create(name=tag)[0])
    return server


@pytest.mark.django_db
def test_its_bot_is_a_member_of_its_team_and_of_no_other(register):
    web = Team.objects.create(name="web", tags=["web"])
    Team.objects.create(name="db", tags=["db"])
    client, _ = register("web-ci", team=web)
    assert list(client.user.teams.all()) == [web]


@pytest.mark.django_db
def test_a_client_sees_only_the_servers_of_its_teams_scope(register):
    web = Team.objects.create(name="web", tags=["web"])
    inside, outside = tagged("web"), tagged("db")
    client, raw = register("web-ci", team=web)
    api = bearer(raw)
    assert list(Server.objects.visible_to(client.user)) == [inside]
    assert [s["id"] for s in assert_ok(api.get("/api/v1/servers"))] == [inside.pk]
    assert_ok(api.get(f"/api/v1/servers/{inside.pk}"))
    assert_error(api.get(f"/api/v1/servers/{outside.pk}"), 404, "not_found")


# --- sockets -------------------------------------------------------------------------------------


def client_socket(raw: str, forwarded_for: str | None = None) -> WebsocketCommunicator:
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
    if forwarded_for:
        headers.append((b"x-forwarded-for", forwarded_for.encode()))
    return WebsocketCommunicator(application, CHAT, headers=headers, subprotocols=["bearer", raw])


async def opened(ws: WebsocketCommunicator) -> None:
    connected, subprotocol = await ws.connect()
    assert connected and subprotocol == "bearer"
    await send(ws, {"type": "ping"})
    while (frame := await recv(ws))["type"] != "pong":
        assert frame["type"] == "presence", frame


@pytest.mark.django_db(transaction=True)
async def test_revoking_a_client_closes_its_sockets(ci, ci_key, admin):
    ws = client_socket(ci_key)
    await opened(ws)
    await database_sync_to_async(revoke_client)(Actor.for_user(admin, "api"), ci)
    assert await closed_with(ws) == 4401
    again = client_socket(ci_key)
    await again.connect()
    assert await closed_with(again) == 4401


@pytest.mark.django_db(transaction=True)
async def test_rotating_a_key_closes_the_sockets_it_opened_and_the_new_key_connects(ci, ci_key, admin):
    ws = client_socket(ci_key)
    await opened(ws)
    _, raw = await database_sync_to_async(rotate_key)(Actor.for_user(admin, "api"), ci)
    assert await closed_with(ws) == 4401
    old = client_socket(ci_key)
    await old.connect()
    assert await closed_with(old) == 4401
    new = client_socket(raw)
    await opened(new)
    await new.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_socket_from_outside_the_clients_ranges_is_refused(register, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    _, raw = await database_sync_to_async(register)("fenced", allowed_ips=["10.0.0.0/8"])
    outside = client_socket(raw, forwarded_for="192.0.2.7")
    await outside.connect()
    assert await closed_with(outside) == 4401
    inside = client_socket(raw, forwarded_for="10.0.0.7")
    await opened(inside)
    await inside.disconnect()
