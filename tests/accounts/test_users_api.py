"""``/users``: the directory every role reads, and what admins do with users (create with a
password, change, deactivate), with the rules that keep the hub administrable: nobody changes
their own role or deactivates themselves, the last active admin stays one."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection, connections
from rest_framework.exceptions import APIException

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import AuditLog, Team, User
from accounts.people import LastAdmin, update_user
from accounts.services import create_api_key, issue_tokens
from tests.factories import PASSWORD, UserFactory
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db
URL = "/api/v1/users"
NEW = {"username": "newbie", "email": "Newbie@Example.com", "full_name": "New Bie", "password": PASSWORD}
DIRECTORY_FIELDS = {"id", "username", "full_name", "role"}


@pytest.fixture
def gone(db) -> User:
    """A deactivated user."""
    return UserFactory.create(username="gone", is_active=False)


@pytest.fixture
def invitee(db) -> User:
    """Invited, no password chosen yet."""
    return UserFactory.create(username="ivy", password=make_password(None))


def nothing_was_created(outcome):
    assert not User.objects.filter(username="newbie").exists()
    assert not AuditLog.objects.filter(action="user.created").exists()


def the_user_is_unchanged(outcome):
    user = User.objects.get(username="vera")
    assert user.is_active and user.role == Role.VIEWER and user.full_name != "Changed"


ROLES = RoleMatrix(
    Route("GET", URL, expect=everyone(200)),
    Route("GET", "/api/v1/users/{viewer.pk}", expect=everyone(200)),
    # A deactivated user is not in the directory: only admins see them.
    Route("GET", "/api/v1/users/{gone.pk}", expect={**allowed("admin", refused=(404, "not_found"))}),
    Route("GET", f"{URL}/999999", expect={"viewer": (404, "not_found"), "admin": (404, "not_found")}),
    Route("POST", URL, body=NEW, expect=allowed("admin", ok=201), unchanged=nothing_was_created),
    Route(
        "PUT",
        "/api/v1/users/{viewer.pk}",
        body={"full_name": "Changed", "role": "operator"},
        expect=allowed("admin"),
        unchanged=the_user_is_unchanged,
    ),
    Route("PUT", f"{URL}/999999", body={"full_name": "x"}, expect={"admin": (404, "not_found")}),
    Route("DELETE", "/api/v1/users/{viewer.pk}", expect=allowed("admin"), unchanged=the_user_is_unchanged),
    Route("POST", "/api/v1/users/{invitee.pk}/invitation", expect=allowed("admin", ok=201)),
    # People and their access are managed by people: no API key reaches these routes.
    Route("GET", URL, expect={key("admin", "servers:read"): (403, "insufficient_scope")}),
    Route("POST", URL, body=NEW, expect={key("admin", "servers:write"): (403, "insufficient_scope")}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestTheDirectory:
    def test_non_admins_see_who_is_who_and_nothing_more(self, viewer_client, operator, gone):
        data = assert_ok(viewer_client.get(URL))
        assert all(set(entry) == DIRECTORY_FIELDS for entry in data)
        names = [entry["username"] for entry in data]
        assert "otto" in names and "gone" not in names
        entry = assert_ok(viewer_client.get(f"{URL}/{operator.pk}"))
        assert entry == {"id": operator.pk, "username": "otto", "full_name": operator.full_name, "role": "operator"}

    def test_a_search_does_not_tell_non_admins_an_address(self, viewer_client, admin_client, operator):
        User.objects.filter(pk=operator.pk).update(email="hidden-address@example.org")
        assert assert_ok(viewer_client.get(URL, {"search": "hidden-address"})) == []
        found = assert_ok(admin_client.get(URL, {"search": "HIDDEN-address"}))
        assert [user["username"] for user in found] == ["otto"]

    def test_admins_see_every_field_and_every_user(self, admin_client, gone, invitee):
        data = assert_ok(admin_client.get(URL, {"is_active": "false"}))
        assert [user["username"] for user in data] == ["gone"]
        assert set(data[0]) >= {"email", "is_active", "teams", "invitation_pending", "last_login"}
        ivy = assert_ok(admin_client.get(f"{URL}/{invitee.pk}"))
        assert ivy["invitation_pending"] is True and ivy["email"] == "ivy@example.com"

    def test_filters_and_pagination(self, admin_client, admin, operator, viewer):
        team = Team.objects.create(name="Web")
        team.members.add(operator)
        body = admin_client.get(URL, {"role": "operator", "size": 1}).json()
        assert [u["username"] for u in body["data"]] == ["otto"] and body["pagination"]["total"] == 1
        assert [u["username"] for u in assert_ok(admin_client.get(URL, {"team": team.pk}))] == ["otto"]
        assert assert_ok(admin_client.get(f"{URL}/{operator.pk}"))["teams"] == [{"id": team.pk, "name": "Web"}]
        sorted_desc = assert_ok(admin_client.get(URL, {"sort": "username", "order": "desc"}))
        assert [u["username"] for u in sorted_desc] == ["vera", "otto", "ada"]
        search = assert_ok(admin_client.get(URL, {"search": viewer.full_name[:4]}))
        assert viewer.username in [u["username"] for u in search]

    def test_a_team_filter_reaches_only_a_non_admins_own_teams(self, viewer_client, viewer, operator):
        mine, other = Team.objects.create(name="Mine"), Team.objects.create(name="Other")
        mine.members.add(viewer, operator)
        other.members.add(operator)
        assert {u["username"] for u in assert_ok(viewer_client.get(URL, {"team": mine.pk}))} == {"vera", "otto"}
        assert assert_ok(viewer_client.get(URL, {"team": other.pk})) == []

    @pytest.mark.parametrize(
        "query",
        [{"role": "root"}, {"is_active": "yes"}, {"team": "x"}, {"search": "x" * 151}, {"sort": "email"}],
    )
    def test_bad_filters_are_400(self, admin_client, query):
        assert_error(admin_client.get(URL, query), 400, "validation_error")


class TestCreate:
    def test_an_admin_creates_a_user_who_signs_in_with_the_password(self, admin_client, anon):
        data = assert_ok(admin_client.post(URL, {**NEW, "role": "operator"}, format="json"), 201)
        assert data["email"] == "newbie@example.com" and data["role"] == "operator"
        assert data["invitation"] is None and data["invitation_pending"] is False
        entry = AuditLog.objects.get(action="user.created")
        assert entry.details == {"username": "newbie", "role": "operator", "invited": False}
        login = anon.post("/api/v1/auth/login", {"username": "newbie", "password": PASSWORD}, format="json")
        assert assert_ok(login)["user"]["username"] == "newbie"

    @pytest.mark.parametrize(
        "body",
        [
            {**NEW, "invite": True},  # both
            {k: v for k, v in NEW.items() if k != "password"},  # neither
            {**NEW, "password": "short"},
            {**NEW, "password": "12345678901234"},  # all digits
            {**NEW, "role": "root"},
            {**NEW, "username": "no spaces"},
            {**NEW, "email": "not-an-address"},
            {**NEW, "invite": "yes"},
        ],
    )
    def test_bad_input_is_400_and_creates_nothing(self, admin_client, body):
        assert_error(admin_client.post(URL, body, format="json"), 400, "validation_error")
        assert not User.objects.filter(username="newbie").exists()

    @pytest.mark.parametrize("field", ["username", "email"])
    def test_a_taken_username_or_email_is_409(self, admin_client, viewer, field):
        taken = {"username": "VERA", "email": "Vera@example.com"}[field]
        body = assert_error(admin_client.post(URL, {**NEW, field: taken}, format="json"), 409, "conflict")
        assert body["errors"][0]["field"] == field


class TestChange:
    def test_an_admin_changes_role_name_and_active_state_and_it_is_audited(self, admin_client, viewer):
        body = {"role": "operator", "full_name": "Vera V"}
        data = assert_ok(admin_client.put(f"{URL}/{viewer.pk}", body, format="json"))
        assert (data["role"], data["full_name"], data["is_active"]) == ("operator", "Vera V", True)
        entry = AuditLog.objects.get(action="user.updated")
        assert entry.details["changed"] == ["full_name", "role"]
        assert entry.details["role"] == {"before": "viewer", "after": "operator"}

    def test_sending_nothing_that_changes_changes_nothing(self, admin_client, viewer):
        assert_ok(admin_client.put(f"{URL}/{viewer.pk}", {"role": "viewer"}, format="json"))
        assert not AuditLog.objects.filter(action="user.updated").exists()

    def test_nobody_changes_their_own_role(self, admin_client, admin):
        Team.objects.create(name="unrelated")
        UserFactory.create(role=Role.ADMIN)  # not the last admin: the rule is about oneself
        response = admin_client.put(f"{URL}/{admin.pk}", {"role": "operator"}, format="json")
        assert_error(response, 400, "own_role")
        admin.refresh_from_db()
        assert admin.role == Role.ADMIN

    def test_an_admin_may_change_their_own_name(self, admin_client, admin):
        assert assert_ok(admin_client.put(f"{URL}/{admin.pk}", {"full_name": "Ada L"}, format="json"))["full_name"]

    def test_nobody_deactivates_themselves(self, admin_client, admin):
        UserFactory.create(role=Role.ADMIN)
        assert_error(admin_client.delete(f"{URL}/{admin.pk}"), 400, "own_account")
        assert_error(admin_client.put(f"{URL}/{admin.pk}", {"is_active": False}, format="json"), 400, "own_account")
        admin.refresh_from_db()
        assert admin.is_active

    @pytest.mark.parametrize("change", [{"role": "operator"}, {"is_active": False}])
    def test_the_last_active_admin_stays_one(self, admin, change):
        """Two admins who deactivate each other at the same moment: the second request was
        let in while its admin was still active, and must not leave the hub without one."""
        other = UserFactory.create(username="eve", role=Role.ADMIN)
        stale = User.objects.get(pk=other.pk)  # as eve's request read her when it came in
        update_user(Actor.for_user(admin, "api"), other, is_active=False)
        with pytest.raises(LastAdmin) as raised:
            update_user(Actor.for_user(stale, "api"), admin, **change)
        assert raised.value.get_codes() == "last_admin"
        admin.refresh_from_db()
        assert admin.is_active and admin.role == Role.ADMIN

    def test_an_admin_demotes_another_admin(self, admin_client, admin):
        other = UserFactory.create(username="eve", role=Role.ADMIN)
        assert assert_ok(admin_client.put(f"{URL}/{other.pk}", {"role": "viewer"}, format="json"))["role"] == "viewer"

    @pytest.mark.parametrize(
        "body", [{"role": "root"}, {"is_active": "false"}, {"full_name": 5}, {"full_name": "x" * 151}]
    )
    def test_bad_input_is_400(self, admin_client, viewer, body):
        assert_error(admin_client.put(f"{URL}/{viewer.pk}", body, format="json"), 400, "validation_error")

    def test_patch_is_not_a_method_here(self, admin_client, viewer):
        assert_error(admin_client.patch(f"{URL}/{viewer.pk}", {}, format="json"), 405)


class TestDeactivate:
    def test_deactivating_signs_out_refuses_keys_and_is_audited(self, admin_client, viewer, anon, client_for):
        pair = issue_tokens(viewer)
        _, raw = create_api_key(None, viewer, name="script")
        session = client_for(viewer)
        data = assert_ok(admin_client.delete(f"{URL}/{viewer.pk}"))
        assert data["is_active"] is False
        assert User.objects.filter(pk=viewer.pk).exists()  # deactivated, not deleted
        assert_error(session.get("/api/v1/auth/me"), 401)
        keyed = anon.get("/api/v1/servers", HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert_error(keyed, 401, "invalid_api_key")
        refreshed = anon.post("/api/v1/auth/refresh", {"refresh_token": pair.refresh_token}, format="json")
        assert_error(refreshed, 401)
        login = anon.post("/api/v1/auth/login", {"username": "vera", "password": PASSWORD}, format="json")
        assert_error(login, 401, "invalid_credentials")
        entry = AuditLog.objects.get(action="user.deactivated")
        assert entry.details["is_active"] == {"before": True, "after": False}
        assert entry.details["refresh_tokens_revoked"] >= 1

    def test_a_deactivated_user_is_reactivated_by_put(self, admin_client, gone, anon):
        assert assert_ok(admin_client.put(f"{URL}/{gone.pk}", {"is_active": True}, format="json"))["is_active"]
        login = anon.post("/api/v1/auth/login", {"username": "gone", "password": PASSWORD}, format="json")
        assert_ok(login)

    def test_deactivating_twice_is_harmless(self, admin_client, gone):
        assert assert_ok(admin_client.delete(f"{URL}/{gone.pk}"))["is_active"] is False
        assert not AuditLog.objects.filter(action="user.deactivated").exists()


class TestTheConsoleKeepsTheLastAdmin:
    def test_the_console_form_refuses_to_demote_or_deactivate_the_last_active_admin(self, admin):
        from accounts.admin import UserEditForm

        base = {"username": "ada", "email": admin.email, "full_name": ""}
        for change in ({"role": "operator", "is_active": True}, {"role": "admin", "is_active": False}):
            form = UserEditForm(data={**base, **change}, instance=User.objects.get(pk=admin.pk))
            assert not form.is_valid()
            assert "last active admin" in str(form.errors)
        UserFactory.create(username="eve", role=Role.ADMIN)
        form = UserEditForm(data={**base, "role": "operator", "is_active": True}, instance=admin)
        assert form.is_valid(), form.errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL (DATABASE_URL)")
def test_two_admins_deactivating_each_other_at_once_leave_one_admin(admin, monkeypatch):
    eve = UserFactory.create(username="eve", role=Role.ADMIN)
    counted = User.is_last_active_admin

    def slow_count(user: User) -> bool:
        found = counted(user)
        threading.Event().wait(0.3)  # the other request arrives while this one has counted
        return found

    monkeypatch.setattr(User, "is_last_active_admin", slow_count)
    actors = {"ada": Actor.for_user(User.objects.get(pk=admin.pk), "api"), "eve": Actor.for_user(eve, "api")}
    targets = {"ada": eve, "eve": admin}
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def deactivate(name: str) -> None:
        try:
            barrier.wait()
            outcomes[name] = update_user(actors[name], targets[name], is_active=False).is_active
        except APIException as exc:
            outcomes[name] = exc.get_codes()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deactivate, args=(name,)) for name in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(map(str, outcomes.values())) == ["False", "last_admin"], outcomes
    assert User.objects.filter(role=Role.ADMIN, is_active=True).count() == 1
