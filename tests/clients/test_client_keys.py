"""A client's key at work: it acts with the client's role, from its allowed addresses, within
its own rate limit; it is refused once rotated or revoked; it never reaches credentials; and
what it does is audited as the client."""

from __future__ import annotations

import pytest

from accounts.models import APIKey, AuditLog, User
from clients.models import Client
from tests.clients.conftest import URL
from tests.helpers import assert_error, assert_ok
from tests.roles import bearer

pytestmark = pytest.mark.django_db
ME = f"{URL}/me"


class TestRefused:
    def test_a_rotated_key_stops_at_once_and_the_new_one_works(self, admin_client, ci, ci_key):
        data = assert_ok(admin_client.post(f"{URL}/{ci.pk}/rotate"))
        assert data["key"].startswith("ck_") and data["key"] != ci_key
        assert data["prefix"] == data["key"][:11] != ci.lookup
        assert_error(bearer(ci_key).get(ME), 401, "invalid_client_key")
        assert assert_ok(bearer(data["key"]).get(ME))["id"] == ci.pk
        entry = AuditLog.objects.get(action="client.key_rotated")
        assert entry.details == {"name": "ci-deploy", "before": ci.lookup, "after": data["prefix"]}
        assert data["key"] not in str(entry.details)

    def test_a_revoked_key_stops_at_once(self, admin_client, ci, ci_api):
        assert_ok(ci_api.get(ME))
        assert_ok(admin_client.delete(f"{URL}/{ci.pk}"))
        assert_error(ci_api.get(ME), 401, "invalid_client_key")
        assert_error(ci_api.get("/api/v1/servers"), 401, "invalid_client_key")

    def test_a_deactivated_bot_is_refused(self, ci, ci_api):
        User.objects.filter(pk=ci.user_id).update(is_active=False)
        assert_error(ci_api.get(ME), 401, "invalid_client_key")

    @pytest.mark.parametrize(
        "mangle", [lambda k: k[:-1] + ("A" if k[-1] != "A" else "B"), lambda k: k + "x", lambda k: k[:-1], str.upper]
    )
    def test_a_wrong_key_is_a_401(self, ci_key, mangle):
        response = bearer(mangle(ci_key)).get(ME)
        assert_error(response, 401)
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_a_bot_whose_role_was_raised_to_admin_elsewhere_is_refused(self, ci, ci_api):
        User.objects.filter(pk=ci.user_id).update(role="admin")
        assert_error(ci_api.get(ME), 403, "client_role_not_allowed")


class TestAddresses:
    @pytest.fixture
    def fenced(self, register):
        return register("fenced", allowed_ips=["10.0.0.0/8", "2001:db8::/32"])

    def test_a_request_from_outside_the_ranges_is_a_403(self, fenced):
        _, raw = fenced
        error = assert_error(bearer(raw).get(ME, REMOTE_ADDR="192.0.2.9"), 403, "ip_not_allowed")
        assert "192.0.2.9" in error["detail"]

    @pytest.mark.parametrize("address", ["10.1.2.3", "2001:db8::5", "::ffff:10.9.9.9"])
    def test_a_request_from_inside_the_ranges_is_served(self, fenced, address):
        _, raw = fenced
        assert assert_ok(bearer(raw).get(ME, REMOTE_ADDR=address))["name"] == "fenced"

    def test_the_address_is_the_one_the_trusted_proxy_forwarded(self, fenced, settings):
        _, raw = fenced
        settings.TRUSTED_PROXY_COUNT = 1
        assert_ok(bearer(raw).get(ME, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="10.0.0.7"))
        assert_error(bearer(raw).get(ME, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7"), 403)

    def test_changing_the_ranges_applies_to_the_next_request(self, admin_client, ci, ci_api):
        assert_ok(ci_api.get(ME, REMOTE_ADDR="192.0.2.9"))
        assert_ok(admin_client.put(f"{URL}/{ci.pk}", {"allowed_ips": ["10.0.0.0/8"]}, format="json"))
        assert_error(ci_api.get(ME, REMOTE_ADDR="192.0.2.9"), 403, "ip_not_allowed")
        assert_ok(admin_client.put(f"{URL}/{ci.pk}", {"allowed_ips": []}, format="json"))
        assert_ok(ci_api.get(ME, REMOTE_ADDR="192.0.2.9"))


class TestRateLimit:
    def test_each_client_has_its_own_bucket(self, settings, ci_api, deployer_key, viewer_client):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "client": (3, 60)}
        for remaining in (2, 1, 0):
            response = ci_api.get(ME)
            assert_ok(response)
            assert (response["X-RateLimit-Limit"], response["X-RateLimit-Remaining"]) == ("3", str(remaining))
        refused = ci_api.get("/api/v1/servers")
        assert_error(refused, 429, "throttled")
        assert 1 <= int(refused["Retry-After"]) <= 60
        # Another client, and a person, count elsewhere.
        assert_ok(bearer(deployer_key).get(ME))
        assert_ok(viewer_client.get("/api/v1/servers"))

    def test_the_default_is_a_setting(self, settings):
        assert settings.RATE_LIMITS["client"] == (300, 60)


# The routes that manage credentials: no client key reaches them, whatever its role.
CREDENTIALS = [
    ("post", "/api/v1/auth/register", {"username": "eve", "email": "eve@example.com", "password": "a-long-pass-1"}),
    ("post", "/api/v1/auth/change-password", {"current_password": "x", "new_password": "a-long-pass-2"}),
    ("put", "/api/v1/auth/me", {"email": "evil@example.com"}),
    ("post", "/api/v1/auth/logout", {"refresh_token": "x"}),
    ("get", "/api/v1/api-keys", None),
    ("get", "/api/v1/api-keys/me", None),
    ("post", "/api/v1/api-keys", {"name": "more"}),
    ("get", URL, None),
    ("post", URL, {"name": "spawned"}),
    ("post", URL + "/{client}/rotate", None),
    ("delete", URL + "/{client}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), CREDENTIALS, ids=[f"{m} {p}" for m, p, _ in CREDENTIALS])
def test_a_client_never_reaches_credentials(deployer, deployer_key, method, path, body):
    api = bearer(deployer_key)
    path = path.format(client=deployer.pk)
    response = getattr(api, method)(path, body, format="json") if body is not None else getattr(api, method)(path)
    assert_error(response, 403, "insufficient_scope")
    assert not APIKey.objects.exists()
    assert list(Client.objects.values_list("name", flat=True)) == ["deployer"]
    deployer.refresh_from_db()
    assert deployer.revoked_at is None and deployer.user.email.endswith("@clients.invalid")
    assert not User.objects.filter(username="eve").exists()


class TestRole:
    """A client acts with its role: as a person of that role would, and as a key holding every
    scope that role may hold."""

    def test_a_viewer_client_reads_servers_but_does_not_write_them(self, ci_api, server):
        assert [s["id"] for s in assert_ok(ci_api.get("/api/v1/servers"))] == [server.pk]
        body = {"name": "web-9", "hostname": "web-9.example"}
        assert_error(ci_api.post("/api/v1/servers", body, format="json"), 403, "insufficient_scope")

    def test_an_operator_client_reaches_what_operators_do_and_a_viewer_client_does_not(self, ci_api, deployer_key):
        assert_ok(bearer(deployer_key).get("/api/v1/approvals"))
        assert_error(ci_api.get("/api/v1/approvals"), 403, "insufficient_scope")

    def test_it_reads_its_bot_as_the_signed_in_user(self, ci_api, ci):
        assert assert_ok(ci_api.get("/api/v1/auth/me"))["username"] == "ci-deploy"

    def test_a_malformed_client_key_is_not_taken_for_an_access_token(self):
        assert_error(bearer("ck_short").get(ME), 401, "invalid_client_key")

    def test_last_used_is_recorded(self, ci, ci_api):
        assert ci.last_used_at is None
        assert_ok(ci_api.get(ME))
        ci.refresh_from_db()
        assert ci.last_used_at is not None


class TestAudit:
    def test_what_a_client_does_is_audited_as_the_client_not_a_person(self, ci, ci_api, admin_client):
        room = assert_ok(ci_api.post("/api/v1/rooms", {"name": "deploys"}, format="json"), 201)
        entry = AuditLog.objects.get(action="room.created")
        assert entry.actor_label == "client ci-deploy"
        assert entry.actor_id == ci.user_id and entry.api_key is None and entry.via == "api"
        assert entry.details["client_id"] == ci.pk and entry.target_id == str(room["id"])
        shown = assert_ok(admin_client.get("/api/v1/audit-logs", {"action": "room.created"}))
        assert shown[0]["actor_label"] == "client ci-deploy"

    def test_a_persons_entries_are_unchanged(self, viewer_client, viewer):
        assert_ok(viewer_client.post("/api/v1/rooms", {"name": "people"}, format="json"), 201)
        entry = AuditLog.objects.get(action="room.created")
        assert entry.actor_label == viewer.username and "client_id" not in entry.details
