"""Each edge builds the Actor and the audit log shows it: the API as ``api``, the admin as
``admin``, an agent enrolling through its socket as ``socket``."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from accounts.models import APIKey, AuditLog
from accounts.services import create_api_key
from servers.models import Server
from tests.helpers import admin_url, assert_ok
from tests.sockets import connect_agent


@pytest.mark.django_db
def test_a_server_created_through_the_api_is_audited_via_api(admin_client, admin):
    assert_ok(
        admin_client.post("/api/v1/servers", {"name": "web-9", "hostname": "web-9.example.org"}, format="json"),
        201,
    )
    entry = AuditLog.objects.get(action="server.created")
    assert (entry.via, entry.actor, entry.actor_label, entry.api_key) == ("api", admin, admin.username, None)
    assert entry.ip_address == "127.0.0.1"


@pytest.mark.django_db
def test_a_key_created_with_an_api_key_records_the_key_via_api(client, admin):
    _, raw = create_api_key(None, admin, name="script", scopes=["servers:read", "servers:write"])
    response = client.post(
        "/api/v1/servers",
        {"name": "web-9", "hostname": "web-9.example.org"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
        HTTP_USER_AGENT="deploy-script/1",
    )
    assert_ok(response, 201)
    entry = AuditLog.objects.get(action="server.created")
    assert (entry.via, entry.actor, entry.api_key) == ("api", admin, APIKey.objects.get(name="script"))
    assert entry.user_agent == "deploy-script/1"


@pytest.mark.django_db
def test_a_server_and_a_key_created_in_the_admin_are_audited_via_admin(console, admin, operator):
    console.post(
        admin_url("servers", "server", "add"),
        {"name": "db-1", "hostname": "db-1.example.org", "description": "", "ip_address": ""},
        follow=True,
    )
    console.post(
        admin_url("accounts", "apikey", "add"),
        {"user": operator.pk, "name": "ci", "server": "", "expires_at_0": "", "expires_at_1": ""},
        follow=True,
    )
    server_entry = AuditLog.objects.get(action="server.created")
    key_entry = AuditLog.objects.get(action="api_key.created")
    assert (server_entry.via, server_entry.actor) == ("admin", admin)
    assert (key_entry.via, key_entry.actor, key_entry.details["owner"]) == ("admin", admin, operator.username)


@pytest.mark.django_db(transaction=True)
async def test_an_agent_enrolling_through_its_socket_is_audited_via_socket(admin):
    _, raw = await database_sync_to_async(create_api_key)(None, admin, name="enrol", scopes=["enrol"])
    ws, welcome = await connect_agent(raw, hostname="box.example.org")
    await ws.disconnect()

    def enrolled() -> tuple[AuditLog, APIKey, Server]:
        entry = AuditLog.objects.select_related("actor", "api_key").get(action="server.enrolled")
        return entry, APIKey.objects.get(name="enrol"), Server.objects.get(pk=welcome["server_id"])

    entry, key, server = await database_sync_to_async(enrolled)()
    assert (entry.via, entry.actor, entry.api_key, entry.target_id) == ("socket", admin, key, str(server.pk))
    assert entry.details == {"hostname": "box.example.org", "via": "agent"}
