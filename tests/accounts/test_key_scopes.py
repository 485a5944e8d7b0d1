"""Key scopes on REST: a key reaches only what its scopes name, within its owner's role now;
an agent's key reaches no REST at all, and no key manages credentials."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.models import APIKey, AuditLog, User
from accounts.services import create_api_key
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route

pytestmark = pytest.mark.django_db
URL = "/api/v1/api-keys"


def every_admin_scope() -> list[str]:
    from accounts.scopes import SCRIPT_SCOPES

    return list(SCRIPT_SCOPES)


def bearer(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


@pytest.fixture
def agent_key(admin, server) -> str:
    return create_api_key(None, admin, name="web-1 agent", server=server)[1]


@pytest.fixture
def enrol_key(admin) -> str:
    return create_api_key(None, admin, name="enrol", scopes=["enrol"])[1]


@pytest.fixture
def full_admin_key(admin) -> str:
    """An admin's script key with every script scope there is."""
    return create_api_key(None, admin, name="everything", scopes=every_admin_scope())[1]


def the_server_is_not_owned(outcome):
    outcome.objects["server"].refresh_from_db()
    assert outcome.objects["server"].description != "owned"


def the_key_is_as_it_was(outcome):
    key = outcome.objects["the_key"]
    key.refresh_from_db()
    assert key.scopes == every_admin_scope() and key.revoked_at is None
    assert APIKey.objects.count() == 1


class TestAgentKeysHaveNoREST:
    # An agent's key and an enrolment key, on every kind of route: 403, whatever the owner's role.
    AGENT_KEYS = {"agent_key": (403, "insufficient_scope"), "enrol_key": (403, "insufficient_scope")}
    ROLES = RoleMatrix(
        Route("GET", "/api/v1/auth/me", expect=AGENT_KEYS),
        Route("GET", "/api/v1/servers", expect=AGENT_KEYS),
        Route("GET", URL, expect=AGENT_KEYS),
        Route("GET", f"{URL}/me", expect=AGENT_KEYS),
        Route(
            "PATCH",
            "/api/v1/servers/{server.pk}",
            body={"description": "owned"},
            expect=AGENT_KEYS,
            unchanged=the_server_is_not_owned,
        ),
        Route("POST", "/api/v1/commands/{server.pk}", body={"command": "id"}, expect=AGENT_KEYS),
        Route("GET", "/api/v1/metrics/{server.pk}", expect=AGENT_KEYS),
        Route("POST", "/api/v1/metrics", body={"metrics": [{"name": "x", "value": 1}]}, expect=AGENT_KEYS),
        Route("GET", "/api/v1/audit-logs", expect=AGENT_KEYS),
        Route("GET", "/api/v1/webhooks", expect=AGENT_KEYS),
    )

    @ROLES.parametrize
    def test_every_route_refuses_an_agents_key(self, request, case):
        case.check(request)

    def test_an_agent_key_cannot_register_an_admin(self, agent_key, settings):
        settings.ALLOW_REGISTRATION = True
        body = {"username": "mallory", "email": "m@example.com", "password": "a-long-unusual-pass", "role": "admin"}
        assert_error(bearer(agent_key).post("/api/v1/auth/register", body, format="json"), 403, "insufficient_scope")
        assert not User.objects.filter(username="mallory").exists()


class TestNoKeyManagesCredentials:
    def test_register_is_refused_even_with_every_scope(self, full_admin_key):
        body = {"username": "mallory", "email": "m@example.com", "password": "a-long-unusual-pass", "role": "admin"}
        assert_error(bearer(full_admin_key).post("/api/v1/auth/register", body, format="json"), 403)
        assert not User.objects.filter(username="mallory").exists()

    def test_profile_cannot_change_with_a_key(self, full_admin_key, admin):
        body = {"email": "mallory@example.com", "username": "mallory"}
        assert_error(bearer(full_admin_key).put("/api/v1/auth/me", body, format="json"), 403)
        admin.refresh_from_db()
        assert (admin.username, admin.email) == ("ada", "ada@example.com")

    @pytest.fixture
    def the_key(self, full_admin_key, admin) -> APIKey:
        return APIKey.objects.get(user=admin)

    ROLES = RoleMatrix(
        Route("GET", URL, expect={"full_admin_key": 403}, uses=("the_key",), unchanged=the_key_is_as_it_was),
        Route(
            "POST",
            URL,
            body={"name": "more"},
            expect={"full_admin_key": 403},
            uses=("the_key",),
            unchanged=the_key_is_as_it_was,
        ),
        Route(
            "PATCH",
            "/api/v1/api-keys/{the_key.pk}",
            body={"scopes": ["enrol"]},
            expect={"full_admin_key": 403},
            unchanged=the_key_is_as_it_was,
        ),
        Route(
            "DELETE", "/api/v1/api-keys/{the_key.pk}", expect={"full_admin_key": 403}, unchanged=the_key_is_as_it_was
        ),
    )

    @ROLES.parametrize
    def test_keys_cannot_be_listed_minted_changed_or_revoked_with_a_key(self, request, case):
        case.check(request)


class TestScriptKeys:
    def test_a_key_reaches_only_its_scopes(self, operator, server):
        _, raw = create_api_key(None, operator, name="push", scopes=["metrics:write"])
        client = bearer(raw)
        body = {"metrics": [{"name": "deploys", "value": 1, "server": server.pk}]}
        assert_ok(client.post("/api/v1/metrics", body, format="json"), 201)
        assert_error(client.get("/api/v1/metrics"), 403, "insufficient_scope")
        assert_error(client.get("/api/v1/servers"), 403, "insufficient_scope")
        assert_error(client.post(f"/api/v1/commands/{server.pk}", {"command": "id"}, format="json"), 403)

    def test_a_read_key_cannot_write(self, admin, server):
        _, raw = create_api_key(None, admin, name="read", scopes=["servers:read"])
        assert_ok(bearer(raw).get(f"/api/v1/servers/{server.pk}"))
        assert_error(bearer(raw).patch(f"/api/v1/servers/{server.pk}", {"description": "x"}, format="json"), 403)

    def test_demoting_the_owner_shrinks_the_key(self, operator, server):
        _, raw = create_api_key(None, operator, name="push", scopes=["metrics:write"])
        body = {"metrics": [{"name": "deploys", "value": 1}]}
        assert_ok(bearer(raw).post("/api/v1/metrics", body, format="json"), 201)
        User.objects.filter(pk=operator.pk).update(role=Role.VIEWER)
        assert_error(bearer(raw).post("/api/v1/metrics", body, format="json"), 403, "insufficient_scope")

    def test_default_scopes_read_what_every_role_reads(self, viewer_client, admin_client, server):
        from accounts.scopes import DEFAULT_SCOPES

        for client in (viewer_client, admin_client):
            data = assert_ok(client.post(URL, {"name": "script"}, format="json"), 201)
            assert data["scopes"] == list(DEFAULT_SCOPES)
        raw = data["key"]
        assert_ok(bearer(raw).get("/api/v1/servers"))
        assert_error(bearer(raw).post("/api/v1/servers", {"name": "n", "hostname": "n.example"}, format="json"), 403)


class TestChoosingScopes:
    def test_a_bound_key_is_an_agent_key(self, admin_client, server):
        data = assert_ok(admin_client.post(URL, {"name": "agent", "server": server.pk}, format="json"), 201)
        assert data["scopes"] == ["agent"]

    @pytest.mark.parametrize(
        ("who", "body"),
        [
            ("viewer", {"scopes": ["servers:write"]}),
            ("viewer", {"scopes": ["metrics:write"]}),
            ("operator", {"scopes": ["enrol"]}),
            ("operator", {"scopes": ["audit:read"]}),
            ("admin", {"scopes": ["agent"]}),
            ("admin", {"scopes": ["enrol", "servers:read"]}),
            ("admin", {"scopes": []}),
            ("admin", {"scopes": ["root"]}),
            ("admin", {"scopes": "servers:read"}),
            ("admin", {"scopes": ["servers:read"], "server": "bound"}),
            ("admin", {"scopes": ["agent", "servers:read"], "server": "bound"}),
        ],
    )
    def test_scopes_beyond_the_role_or_the_kind_of_key_are_400(self, request, who, body, server):
        client = request.getfixturevalue(f"{who}_client")
        if body.get("server") == "bound":
            body = {**body, "server": server.pk}
        response = client.post(URL, {"name": "k", **body}, format="json")
        assert_error(response, 400, "validation_error")
        assert not APIKey.objects.exists()

    def test_each_role_may_hold_the_scopes_of_its_rank(self, viewer_client, operator_client):
        assert_ok(viewer_client.post(URL, {"name": "r", "scopes": ["logs:read", "docker:read"]}, format="json"), 201)
        body = {"name": "w", "scopes": ["metrics:write", "commands:write", "alerts:write"]}
        assert_ok(operator_client.post(URL, body, format="json"), 201)

    def test_the_owner_changes_a_keys_scopes_and_it_is_audited(self, operator_client, operator):
        key, raw = create_api_key(None, operator, name="push", scopes=["metrics:write"])
        data = assert_ok(operator_client.patch(f"{URL}/{key.pk}", {"scopes": ["metrics:read"]}, format="json"))
        assert data["scopes"] == ["metrics:read"]
        assert_ok(bearer(raw).get("/api/v1/metrics"))
        assert_error(bearer(raw).post("/api/v1/metrics", {"metrics": [{"name": "x", "value": 1}]}, format="json"), 403)
        entry = AuditLog.objects.get(action="api_key.updated")
        assert entry.details["scopes"] == {"before": ["metrics:write"], "after": ["metrics:read"]}

    def test_a_change_is_held_to_the_owners_role_and_binding(self, admin_client, operator, admin, server):
        theirs, _ = create_api_key(None, operator, name="push", scopes=["metrics:write"])
        assert_error(admin_client.patch(f"{URL}/{theirs.pk}", {"scopes": ["servers:write"]}, format="json"), 400)
        bound, _ = create_api_key(None, admin, name="agent", server=server)
        assert_error(admin_client.patch(f"{URL}/{bound.pk}", {"scopes": ["servers:read"]}, format="json"), 400)
        assert_ok(admin_client.patch(f"{URL}/{bound.pk}", {"name": "renamed", "server": None}, format="json"))
        bound.refresh_from_db()
        assert (bound.name, bound.server, bound.scopes) == ("renamed", server, ["agent"])

    def test_someone_elses_key_cannot_be_changed(self, viewer_client, outsider):
        key, _ = create_api_key(None, outsider, name="theirs")
        assert_error(viewer_client.patch(f"{URL}/{key.pk}", {"scopes": ["logs:read"]}, format="json"), 404)


def test_every_scope_of_a_route_is_in_the_vocabulary():
    from accounts.scopes import ALL_SCOPES, ROUTE_RESOURCES

    for resource in set(ROUTE_RESOURCES.values()):
        assert f"{resource}:read" in ALL_SCOPES


class TestConsole:
    def test_scopes_are_chosen_and_changed_in_the_console_within_the_role(self, console, operator):
        from tests.helpers import admin_url

        add = {"user": operator.pk, "name": "ci", "server": "", "expires_at_0": "", "expires_at_1": ""}
        page = console.post(admin_url("accounts", "apikey", "add"), {**add, "scopes": ["servers:write"]})
        assert page.status_code == 200 and not APIKey.objects.exists()  # beyond an operator's role
        assert console.post(admin_url("accounts", "apikey", "add"), {**add, "scopes": ["metrics:write"]}).status_code
        key = APIKey.objects.get()
        assert key.scopes == ["metrics:write"]
        change = admin_url("accounts", "apikey", "change", key.pk)
        assert console.post(change, {"name": "ci", "scopes": ["metrics:read", "logs:read"]}).status_code == 302
        key.refresh_from_db()
        assert key.scopes == ["metrics:read", "logs:read"]
        entry = AuditLog.objects.get(action="api_key.updated")
        assert entry.details["scopes"] == {"before": ["metrics:write"], "after": ["metrics:read", "logs:read"]}
