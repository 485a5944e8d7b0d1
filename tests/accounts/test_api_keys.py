"""API keys: created once, stored hashed, scoped to their owner, usable as Bearer on REST."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import APIKey, AuditLog
from accounts.services import create_api_key
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, everyone, key

pytestmark = pytest.mark.django_db
URL = "/api/v1/api-keys"


def bearer(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


@pytest.fixture
def outsiders_key(outsider) -> APIKey:
    return create_api_key(None, outsider, name="theirs")[0]


def the_key_is_not_revoked(outcome):
    outcome.objects["outsiders_key"].refresh_from_db()
    assert outcome.objects["outsiders_key"].revoked_at is None


# Everyone manages their own keys (a key cannot mint more); someone else's key is not there
# at all (404) unless you are an admin.
THEIRS = "/api/v1/api-keys/{outsiders_key.pk}"
ROLES = RoleMatrix(
    Route("POST", URL, body={"name": "x"}, expect={**everyone(201), key("viewer"): 403}),
    Route("GET", f"{URL}/me", expect=everyone(200)),
    Route("GET", URL, expect=everyone(200)),
    Route("GET", THEIRS, expect={"anonymous": 401, "viewer": (404, "not_found"), "outsider": 200, "admin": 200}),
    Route("DELETE", THEIRS, expect={"anonymous": 401, "viewer": 404}, unchanged=the_key_is_not_revoked),
    Route("GET", f"{URL}/424242", expect={"viewer": 404}),
    Route("GET", f"{URL}/not-a-number", expect={"viewer": 404}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestCreate:
    def test_key_is_random_prefixed_and_shown_once(self, viewer_client, viewer):
        data = assert_ok(viewer_client.post(URL, {"name": "ci"}, format="json"), 201)
        raw = data["key"]
        assert raw.startswith("chk_")
        assert len(raw) == 44  # 40 base62 characters: about 238 bits
        assert data["prefix"] == raw[:12]
        stored = APIKey.objects.get(pk=data["id"])
        assert stored.key_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert raw not in json.dumps(list(APIKey.objects.values()), default=str)

    def test_key_is_in_no_later_response(self, viewer_client):
        raw = assert_ok(viewer_client.post(URL, {"name": "ci"}, format="json"), 201)["key"]
        for path in (URL, f"{URL}/me"):
            assert raw not in viewer_client.get(path).content.decode()
        key_id = APIKey.objects.get().pk
        assert raw not in viewer_client.get(f"{URL}/{key_id}").content.decode()
        assert raw not in viewer_client.delete(f"{URL}/{key_id}").content.decode()
        assert raw not in json.dumps(list(AuditLog.objects.values("details")))

    def test_two_keys_differ(self, viewer_client):
        a = assert_ok(viewer_client.post(URL, {"name": "a"}, format="json"), 201)["key"]
        b = assert_ok(viewer_client.post(URL, {"name": "b"}, format="json"), 201)["key"]
        assert a != b

    def test_creation_is_audited(self, viewer_client, viewer):
        data = assert_ok(viewer_client.post(URL, {"name": "ci"}, format="json"), 201)
        entry = AuditLog.objects.get(action="api_key.created")
        assert entry.actor == viewer
        assert entry.target_id == str(data["id"])

    def test_admin_may_bind_a_key_to_a_server(self, admin_client, server):
        data = assert_ok(admin_client.post(URL, {"name": "agent", "server": server.pk}, format="json"), 201)
        assert data["server"] == server.pk

    def test_non_admin_may_not_bind_a_key_to_a_server(self, operator_client, server):
        body = assert_error(operator_client.post(URL, {"name": "agent", "server": server.pk}, format="json"), 400)
        assert body["errors"][0]["field"] == "server"

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"name": ""},
            {"name": "x" * 101},
            {"name": 5},
            {"name": "ok", "expires_at": "yesterday"},
            {"name": "ok", "expires_at": "2001-01-01T00:00:00Z"},
            {"name": "ok", "server": 999999},
            {"name": "ok", "server": "abc"},
            {"name": "ok", "server": ""},
            {"name": "ok", "server": True},
        ],
    )
    def test_bad_input_is_400(self, admin_client, body):
        assert_error(admin_client.post(URL, body, format="json"), 400, "validation_error")


class TestListAndRevoke:
    def test_me_lists_only_my_keys(self, viewer_client, viewer, outsider):
        create_api_key(None, viewer, name="mine")
        create_api_key(None, outsider, name="theirs")
        data = assert_ok(viewer_client.get(f"{URL}/me"))
        assert [k["name"] for k in data] == ["mine"]

    def test_list_is_mine_for_users_and_all_for_admins(self, viewer_client, admin_client, viewer, outsider):
        create_api_key(None, viewer, name="mine")
        create_api_key(None, outsider, name="theirs")
        assert [k["name"] for k in assert_ok(viewer_client.get(URL))] == ["mine"]
        assert {k["name"] for k in assert_ok(admin_client.get(URL))} == {"mine", "theirs"}

    def test_revoke_stops_the_key_and_is_audited(self, viewer_client, viewer):
        key, raw = create_api_key(None, viewer, name="script")
        assert_ok(bearer(raw).get("/api/v1/auth/me"))
        data = assert_ok(viewer_client.delete(f"{URL}/{key.pk}"))
        assert data["revoked_at"] is not None
        assert data["is_active"] is False
        assert_error(bearer(raw).get("/api/v1/auth/me"), 401, "invalid_api_key")
        assert AuditLog.objects.filter(action="api_key.revoked", target_id=str(key.pk)).count() == 1

    def test_revoking_twice_is_harmless(self, viewer_client, viewer):
        key, _ = create_api_key(None, viewer, name="script")
        assert_ok(viewer_client.delete(f"{URL}/{key.pk}"))
        assert_ok(viewer_client.delete(f"{URL}/{key.pk}"))
        assert AuditLog.objects.filter(action="api_key.revoked").count() == 1

    def test_admin_may_revoke_any_key(self, admin_client, outsider):
        key, _ = create_api_key(None, outsider, name="theirs")
        assert_ok(admin_client.delete(f"{URL}/{key.pk}"))


class TestBearerOnREST:
    def test_key_acts_with_its_owners_rights(self, viewer, admin):
        _, viewer_raw = create_api_key(None, viewer, name="v")
        _, admin_raw = create_api_key(None, admin, name="a", scopes=["profile:read", "servers:write"])
        assert assert_ok(bearer(viewer_raw).get("/api/v1/auth/me"))["username"] == viewer.username
        body = {"name": "web-1", "hostname": "web-1.example.com"}
        assert_error(bearer(viewer_raw).post("/api/v1/servers", body, format="json"), 403)
        assert_ok(bearer(admin_raw).post("/api/v1/servers", body, format="json"), 201)
        entry = AuditLog.objects.get(action="server.created")
        assert entry.actor == admin
        assert entry.api_key is not None

    def test_last_used_is_recorded(self, viewer):
        key, raw = create_api_key(None, viewer, name="v")
        assert key.last_used_at is None
        assert_ok(bearer(raw).get("/api/v1/auth/me"))
        key.refresh_from_db()
        assert key.last_used_at is not None

    def test_expired_key_is_refused(self, viewer):
        key, raw = create_api_key(None, viewer, name="v", expires_at=timezone.now() + timedelta(hours=1))
        assert_ok(bearer(raw).get("/api/v1/auth/me"))
        APIKey.objects.filter(pk=key.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        assert_error(bearer(raw).get("/api/v1/auth/me"), 401)

    def test_key_of_inactive_user_is_refused(self, viewer):
        _, raw = create_api_key(None, viewer, name="v")
        viewer.is_active = False
        viewer.save()
        assert_error(bearer(raw).get("/api/v1/auth/me"), 401)

    @pytest.mark.parametrize(
        "mutate", [lambda r: r[:-1] + ("A" if r[-1] != "A" else "B"), lambda r: r + "x", lambda r: r[:20]]
    )
    def test_tampered_key_is_refused(self, viewer, mutate):
        _, raw = create_api_key(None, viewer, name="v")
        assert_error(bearer(mutate(raw)).get("/api/v1/auth/me"), 401)

    def test_for_raw_key_finds_only_the_exact_key(self, viewer):
        key, raw = create_api_key(None, viewer, name="v")
        assert APIKey.objects.for_raw_key(raw) == key
        assert APIKey.objects.for_raw_key(raw.upper()) is None
        assert APIKey.objects.for_raw_key("") is None
