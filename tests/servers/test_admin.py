"""The admin as the operator console for servers and tags: every write is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditLog
from servers.models import Server, Tag
from tests.factories import ServerFactory
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


def url(model: str, view: str, *args) -> str:
    return admin_url("servers", model, view, *args)


def server_form(server, **overrides):
    data = {
        "name": server.name,
        "hostname": server.hostname,
        "ip_address": server.ip_address or "",
        "os": server.os,
        "description": server.description,
        "tags": [tag.pk for tag in server.tags.all()],
        **overrides,
    }
    return data


class TestPages:
    @pytest.mark.parametrize("model", ["server", "tag"])
    def test_changelist_add_and_search_open_for_admins(self, console, server, model):
        server.tags.add(Tag.objects.create(name="web"))
        assert console.get(url(model, "changelist")).status_code == 200
        assert console.get(url(model, "changelist"), {"q": "10.0"}).status_code == 200
        assert console.get(url(model, "add")).status_code == 200

    def test_change_pages_open(self, console, server):
        tag = Tag.objects.create(name="web")
        assert console.get(url("server", "change", server.pk)).status_code == 200
        assert console.get(url("tag", "change", tag.pk)).status_code == 200

    def test_servers_filter_by_status_and_tag(self, console, server):
        tag = Tag.objects.create(name="web")
        server.tags.add(tag)
        ServerFactory()
        result = console.get(url("server", "changelist"), {"tags__id__exact": tag.pk}).context["cl"].result_list
        assert list(result) == [server]
        assert console.get(url("server", "changelist"), {"status__exact": "online"}).status_code == 200

    def test_servers_are_found_by_ip_address(self, console, server):
        ServerFactory()
        result = console.get(url("server", "changelist"), {"q": server.ip_address}).context["cl"].result_list
        assert list(result) == [server]

    def test_tag_autocomplete_answers(self, console):
        Tag.objects.create(name="web")
        params = {"term": "we", "app_label": "servers", "model_name": "server", "field_name": "tags"}
        response = console.get(reverse("admin:autocomplete"), params)
        assert [item["text"] for item in response.json()["results"]] == ["web"]

    def test_viewer_is_sent_to_the_login_page(self, client, viewer, server):
        client.force_login(viewer)
        for page in [url("server", "changelist"), url("server", "change", server.pk), url("tag", "add")]:
            response = client.get(page)
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))


class TestWrites:
    def test_creating_a_server_records_its_creator_and_is_audited(self, console, admin):
        tag = Tag.objects.create(name="web")
        data = {"name": "db-1", "hostname": "db-1.example.internal", "ip_address": "", "os": "", "description": ""}
        assert console.post(url("server", "add"), {**data, "tags": [tag.pk]}).status_code == 302
        server = Server.objects.get(name="db-1")
        assert server.created_by == admin
        assert server.tag_names == ["web"]
        entry = AuditLog.objects.get(action="server.created")
        assert (entry.actor, entry.target_type, entry.target_id) == (admin, "servers.server", str(server.pk))
        assert entry.details == {
            "name": "db-1",
            "hostname": "db-1.example.internal",
            "ip_address": None,
            "os": "",
            "description": "",
            "tags": ["web"],
        }

    def test_names_and_hostnames_are_unique_whatever_their_case(self, console, server):
        data = {"name": server.name.upper(), "hostname": server.hostname.upper(), "os": "", "description": ""}
        response = console.post(url("server", "add"), data)
        errors = response.context["adminform"].form.errors
        assert errors["name"] == ["A server with that name already exists."]
        assert errors["hostname"] == ["A server with that hostname already exists."]
        assert Server.objects.count() == 1
        assert not AuditLog.objects.filter(action="server.created").exists()

    def test_editing_a_server_is_audited_with_what_changed(self, console, admin, server):
        old, new = Tag.objects.create(name="old"), Tag.objects.create(name="new")
        server.tags.add(old)
        data = server_form(server, hostname="moved.example.internal", tags=[new.pk])
        assert console.post(url("server", "change", server.pk), data).status_code == 302
        server.refresh_from_db()
        assert server.hostname == "moved.example.internal" and server.tag_names == ["new"]
        entry = AuditLog.objects.get(action="server.updated")
        assert (entry.actor, entry.target_id) == (admin, str(server.pk))
        assert entry.details == {
            "changed": {"hostname": "moved.example.internal"},
            "tags": {"before": ["old"], "after": ["new"]},
        }

    def test_what_the_agent_reports_cannot_be_edited(self, console, server):
        data = server_form(server, status="online", agent_version="9.9", last_seen=timezone.now().isoformat())
        assert console.post(url("server", "change", server.pk), data).status_code == 302
        server.refresh_from_db()
        assert (server.status, server.agent_version, server.last_seen) == ("unknown", "", None)
        assert not AuditLog.objects.filter(action="server.updated").exists()

    def test_deleting_a_server_is_audited(self, console, admin, server):
        assert console.post(url("server", "delete", server.pk), {"post": "yes"}).status_code == 302
        assert not Server.objects.filter(pk=server.pk).exists()
        entry = AuditLog.objects.get(action="server.deleted")
        assert (entry.actor, entry.target_id) == (admin, str(server.pk))
        assert entry.details == {"name": server.name, "hostname": server.hostname}

    def test_bulk_delete_audits_each_server(self, console, server):
        other = ServerFactory()
        data = {"action": "delete_selected", "_selected_action": [server.pk, other.pk], "post": "yes"}
        assert console.post(url("server", "changelist"), data).status_code == 302
        assert not Server.objects.exists()
        deleted = AuditLog.objects.filter(action="server.deleted").values_list("target_id", flat=True)
        assert sorted(deleted) == sorted([str(server.pk), str(other.pk)])
