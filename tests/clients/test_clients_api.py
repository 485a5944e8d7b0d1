"""/clients over REST: admins register, list, change, rotate and revoke; a client reads and
changes itself at /clients/me; every other caller is refused, and nothing changes."""

from __future__ import annotations

import hashlib

import pytest

from accounts.choices import Role
from accounts.models import AuditLog, Team, User
from clients.models import Client
from tests.clients.conftest import URL
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, key

pytestmark = pytest.mark.django_db

NEW = {"name": "nightly-build", "description": "Nightly builds", "role": "operator", "allowed_ips": ["10.0.0.0/8"]}
NO_KEY = (403, "insufficient_scope")
# Keys never manage clients: an admin's API key and a client's own key are both refused.
KEYS_REFUSED = {key("admin"): NO_KEY, "ci_key": NO_KEY, "deployer_key": NO_KEY}


def ci_is_untouched(outcome):
    ci = Client.objects.select_related("user").get(name="ci-deploy")
    assert (ci.description, ci.revoked_at, ci.user.is_active, ci.user.role) == ("Deploys from CI", None, True, "viewer")
    assert ci.lookup == outcome.objects["ci"].lookup  # not rotated
    assert not Client.objects.filter(name="nightly-build").exists()


def admins_only(method: str, path: str, body: object = None, ok: int = 200) -> Route:
    return Route(
        method,
        path,
        body=body,
        expect={**allowed("admin", ok=ok), **KEYS_REFUSED},
        uses=("ci", "deployer"),
        unchanged=ci_is_untouched,
    )


def the_client_itself(method: str, body: object = None) -> Route:
    """Only a client's own key: people get 403 (whatever their role), API keys too."""
    expect = {
        **allowed(refused=(403, "permission_denied")),
        key("admin"): NO_KEY,
        "ci_key": 200,
        "deployer_key": 200,
    }
    return Route(method, f"{URL}/me", body=body, expect=expect, uses=("ci",))


def unknown(method: str, path: str, body: object = None) -> Route:
    return Route(method, path, body=body, expect={"admin": (404, "not_found")})


ROLES = RoleMatrix(
    admins_only("GET", URL),
    admins_only("POST", URL, NEW, ok=201),
    admins_only("GET", URL + "/{ci.pk}"),
    admins_only("PUT", URL + "/{ci.pk}", {"description": "changed"}),
    admins_only("DELETE", URL + "/{ci.pk}"),
    admins_only("POST", URL + "/{ci.pk}/rotate"),
    the_client_itself("GET"),
    the_client_itself("PUT", {"description": "Deploys from CI"}),
    unknown("GET", f"{URL}/999999"),
    unknown("PUT", f"{URL}/999999", {"description": "x"}),
    unknown("DELETE", f"{URL}/999999"),
    unknown("POST", f"{URL}/999999/rotate"),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestRegister:
    def test_the_key_is_shown_once_and_kept_only_as_a_hash(self, admin_client, admin):
        data = assert_ok(admin_client.post(URL, NEW, format="json"), 201)
        raw = data["key"]
        assert raw.startswith("ck_") and len(raw) == 43  # 40 base62 characters: about 238 random bits
        assert raw[3:].isalnum()
        assert data["prefix"] == raw[:11]
        client = Client.objects.get(pk=data["id"])
        assert client.key_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert raw not in str(Client.objects.filter(pk=client.pk).values().get())
        # Never again: not in the detail, the list, nor the audit log.
        assert "key" not in assert_ok(admin_client.get(f"{URL}/{client.pk}"))
        assert all("key" not in item for item in assert_ok(admin_client.get(URL)))
        entry = AuditLog.objects.get(action="client.created")
        assert raw not in str(entry.details) and entry.actor == admin
        assert entry.details["lookup"] == data["prefix"]

    def test_what_it_answers(self, admin_client, admin):
        team = Team.objects.create(name="web", tags=["web"])
        data = assert_ok(admin_client.post(URL, {**NEW, "team": team.pk}, format="json"), 201)
        assert {k: data[k] for k in ("name", "description", "role", "team", "allowed_ips", "is_active")} == {
            "name": "nightly-build",
            "description": "Nightly builds",
            "role": "operator",
            "team": team.pk,
            "allowed_ips": ["10.0.0.0/8"],
            "is_active": True,
        }
        assert data["created_by"] == {"id": admin.pk, "username": admin.username}
        assert (data["last_used_at"], data["revoked_at"]) == (None, None)

    def test_its_bot_acts_with_its_role_in_its_team_and_cannot_sign_in(self, admin_client, anon):
        team = Team.objects.create(name="web", tags=["web"])
        data = assert_ok(admin_client.post(URL, {**NEW, "team": team.pk}, format="json"), 201)
        bot = User.objects.get(pk=data["bot_user_id"])
        assert (bot.username, bot.role, bot.is_active) == ("nightly-build", Role.OPERATOR, True)
        assert list(bot.teams.all()) == [team]
        assert not bot.has_usable_password() and not bot.check_password("")
        assert bot.email.endswith("@clients.invalid") and not bot.alert_emails
        login = anon.post("/api/v1/auth/login", {"username": "nightly-build", "password": ""}, format="json")
        assert login.status_code == 400  # a blank password is not even tried
        login = anon.post("/api/v1/auth/login", {"username": "nightly-build", "password": "x" * 20}, format="json")
        assert_error(login, 401, "invalid_credentials")

    def test_the_defaults_are_a_viewer_in_no_team_from_anywhere(self, admin_client):
        data = assert_ok(admin_client.post(URL, {"name": "script"}, format="json"), 201)
        assert (data["role"], data["team"], data["allowed_ips"], data["description"]) == ("viewer", None, [], "")

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"name": ""}, "name"),
            ({"name": "has space"}, "name"),
            ({"name": "-leading-dash"}, "name"),
            ({"name": "x" * 64}, "name"),
            ({"name": 5}, "name"),
            ({}, "name"),
            ({"name": "ok", "description": "x" * 501}, "description"),
            ({"name": "ok", "role": "admin"}, "role"),
            ({"name": "ok", "role": "root"}, "role"),
            ({"name": "ok", "team": 999999}, "team"),
            ({"name": "ok", "team": "1"}, "team"),
            ({"name": "ok", "allowed_ips": "10.0.0.0/8"}, "allowed_ips"),
            ({"name": "ok", "allowed_ips": ["10.0.0.1/8"]}, "allowed_ips.0"),
            ({"name": "ok", "allowed_ips": ["10.0.0.0/33"]}, "allowed_ips.0"),
            ({"name": "ok", "allowed_ips": ["intranet"]}, "allowed_ips.0"),
            ({"name": "ok", "allowed_ips": [f"10.0.{n}.0/24" for n in range(51)]}, "allowed_ips"),
        ],
    )
    def test_bad_input_is_a_400_naming_the_field(self, admin_client, body, field):
        error = assert_error(admin_client.post(URL, body, format="json"), 400, "validation_error")
        assert field in [e["field"] for e in error["errors"]], error
        assert not Client.objects.exists() and not User.objects.filter(username="ok").exists()

    def test_a_range_with_host_bits_says_which_network_was_meant(self, admin_client):
        error = assert_error(admin_client.post(URL, {"name": "ok", "allowed_ips": ["10.1.2.3/8"]}, format="json"), 400)
        assert "Did you mean 10.0.0.0/8?" in error["errors"][0]["message"]

    def test_single_addresses_and_ipv6_ranges_are_stored_as_networks(self, admin_client):
        body = {"name": "ok", "allowed_ips": ["203.0.113.7", "2001:DB8::/32"]}
        data = assert_ok(admin_client.post(URL, body, format="json"), 201)
        assert data["allowed_ips"] == ["203.0.113.7/32", "2001:db8::/32"]

    @pytest.mark.parametrize("name", ["CI-DEPLOY", "vera"])
    def test_a_name_taken_by_a_client_or_a_user_is_a_409(self, admin_client, ci, viewer, name):
        error = assert_error(admin_client.post(URL, {"name": name}, format="json"), 409, "conflict")
        assert error["errors"][0]["field"] == "name"
        assert Client.objects.count() == 1


class TestChange:
    def test_an_admin_changes_name_role_team_and_ranges_and_the_bot_follows(self, admin_client, ci):
        web, db = Team.objects.create(name="web", tags=["web"]), Team.objects.create(name="db", tags=["db"])
        body = {"team": web.pk}
        assert assert_ok(admin_client.put(f"{URL}/{ci.pk}", body, format="json"))["team"] == web.pk
        body = {"name": "ci-release", "role": "operator", "team": db.pk, "allowed_ips": ["192.0.2.0/24"]}
        data = assert_ok(admin_client.put(f"{URL}/{ci.pk}", body, format="json"))
        assert (data["name"], data["role"], data["team"], data["allowed_ips"]) == (
            "ci-release",
            "operator",
            db.pk,
            ["192.0.2.0/24"],
        )
        assert data["description"] == "Deploys from CI"  # not given: kept
        bot = User.objects.get(pk=ci.user_id)
        assert (bot.username, bot.role) == ("ci-release", "operator")
        assert list(bot.teams.all()) == [db]
        entry = AuditLog.objects.filter(action="client.updated").first()
        assert entry.details["changed"] == ["allowed_ips", "name", "role", "team_id"]
        assert entry.details["team_id"] == {"before": web.pk, "after": db.pk}
        # No team: the bot leaves it.
        assert assert_ok(admin_client.put(f"{URL}/{ci.pk}", {"team": None}, format="json"))["team"] is None
        assert not bot.teams.exists()

    def test_nothing_changed_writes_no_audit_entry(self, admin_client, ci):
        assert_ok(admin_client.put(f"{URL}/{ci.pk}", {"description": "Deploys from CI"}, format="json"))
        assert not AuditLog.objects.filter(action="client.updated").exists()

    def test_a_name_taken_is_a_409_and_nothing_changes(self, admin_client, ci, deployer, viewer):
        for name in ("Deployer", viewer.username):
            assert_error(admin_client.put(f"{URL}/{ci.pk}", {"name": name, "role": "operator"}, format="json"), 409)
        ci.refresh_from_db()
        assert (ci.name, ci.user.username, ci.user.role) == ("ci-deploy", "ci-deploy", "viewer")

    @pytest.mark.parametrize(
        ("body", "field"),
        [({"role": "admin"}, "role"), ({"name": "a b"}, "name"), ({"allowed_ips": [None]}, "allowed_ips.0")],
    )
    def test_bad_input_is_a_400(self, admin_client, ci, body, field):
        error = assert_error(admin_client.put(f"{URL}/{ci.pk}", body, format="json"), 400)
        assert error["errors"][0]["field"] == field

    def test_a_revoked_client_cannot_change_or_rotate(self, admin_client, ci):
        assert_ok(admin_client.delete(f"{URL}/{ci.pk}"))
        assert_error(admin_client.put(f"{URL}/{ci.pk}", {"description": "x"}, format="json"), 409, "client_revoked")
        assert_error(admin_client.post(f"{URL}/{ci.pk}/rotate"), 409, "client_revoked")


class TestMe:
    def test_a_client_reads_itself(self, ci_api, ci):
        data = assert_ok(ci_api.get(f"{URL}/me"))
        assert (data["id"], data["name"], data["role"], data["bot_user_id"]) == (
            ci.pk,
            "ci-deploy",
            "viewer",
            ci.user_id,
        )
        assert "key" not in data

    def test_a_client_changes_its_name_and_description_not_its_role_team_or_ranges(self, ci_api, ci):
        body = {"name": "ci-deploy-2", "description": "Now deploys too", "role": "operator", "allowed_ips": ["1.2.3.4"]}
        data = assert_ok(ci_api.put(f"{URL}/me", body, format="json"))
        assert (data["name"], data["description"], data["role"], data["allowed_ips"]) == (
            "ci-deploy-2",
            "Now deploys too",
            "viewer",
            [],
        )
        entry = AuditLog.objects.get(action="client.updated")
        assert entry.actor_label == "client ci-deploy" and entry.details["client_id"] == ci.pk

    def test_bad_input_is_a_400(self, ci_api):
        assert_error(ci_api.put(f"{URL}/me", {"name": "no spaces please"}, format="json"), 400, "validation_error")

    def test_another_clients_name_is_a_409(self, ci_api, deployer):
        assert_error(ci_api.put(f"{URL}/me", {"name": "deployer"}, format="json"), 409, "conflict")


class TestListAndRevoke:
    def test_the_list_shows_revoked_clients_and_filters(self, admin_client, ci, deployer):
        assert_ok(admin_client.delete(f"{URL}/{deployer.pk}"))
        assert [c["name"] for c in assert_ok(admin_client.get(URL))] == ["ci-deploy", "deployer"]
        assert [c["name"] for c in assert_ok(admin_client.get(URL, {"is_active": "false"}))] == ["deployer"]
        assert [c["name"] for c in assert_ok(admin_client.get(URL, {"role": "operator"}))] == ["deployer"]
        team = Team.objects.create(name="web")
        assert_ok(admin_client.put(f"{URL}/{ci.pk}", {"team": team.pk}, format="json"))
        assert [c["name"] for c in assert_ok(admin_client.get(URL, {"team": team.pk}))] == ["ci-deploy"]
        assert_error(admin_client.get(URL, {"team": 0}), 400)
        assert_error(admin_client.get(URL, {"role": "admin"}), 400)
        assert_error(admin_client.get(URL, {"sort": "key_hash"}), 400)

    def test_revoking_is_idempotent_and_audited_once(self, admin_client, ci):
        first = assert_ok(admin_client.delete(f"{URL}/{ci.pk}"))
        again = assert_ok(admin_client.delete(f"{URL}/{ci.pk}"))
        assert first["revoked_at"] == again["revoked_at"] is not None
        assert first["is_active"] is False
        assert AuditLog.objects.filter(action="client.revoked").count() == 1
        assert not User.objects.get(pk=ci.user_id).is_active


class TestBotsAreNotPeople:
    """A client's bot user is managed under /clients: the users API neither lists nor changes it."""

    def test_the_users_api_neither_lists_nor_reaches_a_bot(self, admin_client, viewer_client, ci):
        bot = ci.user
        for client in (admin_client, viewer_client):
            listed = assert_ok(client.get("/api/v1/users?size=100"))
            assert bot.pk not in {u["id"] for u in listed}
            assert_error(client.get(f"/api/v1/users/{bot.pk}"), 404)
        assert_error(admin_client.put(f"/api/v1/users/{bot.pk}", {"role": "admin"}, format="json"), 404)
        assert_error(admin_client.delete(f"/api/v1/users/{bot.pk}"), 404)
        assert_error(admin_client.post(f"/api/v1/users/{bot.pk}/invitation"), 404)
        bot.refresh_from_db()
        assert bot.is_active and bot.role == ci.role
