"""The Actor: who acts and from where, as the audit log records it."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import AuditLog
from accounts.services import record_audit
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db


def test_a_login_through_the_api_is_recorded_as_via_api(client, admin):
    admin.set_password("correct horse battery staple")
    admin.save()
    client.post(
        "/api/v1/auth/login",
        {"username": admin.username, "password": "correct horse battery staple"},
        content_type="application/json",
        HTTP_USER_AGENT="curl/8",
    )
    entry = AuditLog.objects.get(action="auth.login")
    assert (entry.via, entry.actor_id, entry.user_agent) == ("api", admin.pk, "curl/8")


def test_an_actor_names_where_it_acted_from(admin):
    record_audit("server.deleted", actor=Actor.for_user(admin, "chat", ip="192.0.2.7"), target_id=3)
    record_audit("server.deleted", actor=Actor.system("worker", via="worker"), target_id=4)
    chat, worker = AuditLog.objects.order_by("id")
    assert (chat.via, chat.actor_id, chat.actor_label) == ("chat", admin.pk, admin.username)
    assert chat.ip_address == "192.0.2.7"
    assert (worker.via, worker.actor_id, worker.actor_label) == ("worker", None, "worker")


def test_the_audit_api_shows_and_filters_by_via(admin_client, admin):
    record_audit("server.deleted", actor=Actor.for_user(admin, "chat"), target_id=3)
    record_audit("server.deleted", actor=Actor.system("worker", via="worker"), target_id=4)
    data = assert_ok(admin_client.get("/api/v1/audit-logs", {"via": "chat"}))
    assert [(e["via"], e["target_id"]) for e in data] == [("chat", "3")]
    assert_error(admin_client.get("/api/v1/audit-logs", {"via": "carrier-pigeon"}), 400)


def test_the_system_reaches_every_role_and_a_viewer_only_its_own(viewer):
    assert Actor.system().has_role(Role.ADMIN)
    assert Actor.for_user(viewer, "api").has_role(Role.VIEWER)
    assert not Actor.for_user(viewer, "api").has_role(Role.OPERATOR)


def test_an_anonymous_caller_is_nobody_not_the_system(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    from servers.services import visible_server
    from tests.factories import ServerFactory

    request = rf.get("/")
    request.user = AnonymousUser()
    nobody = Actor.from_request(request)
    assert not nobody.is_system and not nobody.has_role(Role.VIEWER)
    server = ServerFactory.create()
    with pytest.raises(Http404):
        visible_server(nobody, server.pk)
    assert visible_server(Actor.system(), server.pk) == server


def test_the_audit_entry_names_where_within_via_it_happened(operator):
    actor = Actor.for_user(operator, "chat").within(room=3, room_name="ops", message=41)
    entry = record_audit("server.created", actor=actor, details={"name": "web-1"})
    assert entry.via == "chat"
    assert entry.details == {"name": "web-1", "origin": {"room": 3, "room_name": "ops", "message": 41}}
    plain = record_audit("server.created", actor=Actor.for_user(operator, "api"), details={"name": "web-2"})
    assert plain.details == {"name": "web-2"}
