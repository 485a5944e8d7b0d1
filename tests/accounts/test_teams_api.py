"""``/teams``: admins manage teams, their scope (tags, or every server) and their members;
everyone else reads the teams they are in (another team is a 404). Every change is audited,
through the API and through the console."""

from __future__ import annotations

import pytest

from accounts.models import AuditLog, Team, User
from tests.factories import UserFactory
from tests.helpers import admin_url, assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db
URL = "/api/v1/teams"
NEW = {"name": "Web team", "description": "the frontends", "tags": ["web", " Prod ", "web"]}


GUEST_ID = 4242


@pytest.fixture
def guest(db) -> User:
    """A user with a known id, for the body that names someone to add."""
    return UserFactory.create(pk=GUEST_ID, username="gus")


@pytest.fixture
def team(viewer) -> Team:
    team = Team.objects.create(name="Web", tags=["web"])
    team.members.add(viewer)
    return team


def nothing_was_created(outcome):
    assert not Team.objects.filter(name="Web team").exists()
    assert not AuditLog.objects.filter(action__startswith="team.").exists()


def the_team_is_unchanged(outcome):
    team = Team.objects.get(name="Web")
    assert team.tags == ["web"] and list(team.members.values_list("username", flat=True)) == ["vera"]


ROLES = RoleMatrix(
    Route("GET", URL, expect=everyone(200)),
    # The team's member (viewer) and admins see it; others do not know it exists.
    # (``support`` here is a fresh user outside the team, as every role but viewer and admin.)
    Route(
        "GET",
        "/api/v1/teams/{team.pk}",
        expect={**allowed("admin", "viewer", refused=(404, "not_found")), "support": (404, "not_found")},
    ),
    Route(
        "GET",
        "/api/v1/teams/{team.pk}/members",
        expect={**allowed("admin", "viewer", refused=(404, "not_found")), "support": (404, "not_found")},
    ),
    Route("GET", f"{URL}/999999", expect={"admin": (404, "not_found")}),
    Route("POST", URL, body=NEW, expect=allowed("admin", ok=201), unchanged=nothing_was_created),
    Route(
        "PATCH",
        "/api/v1/teams/{team.pk}",
        body={"tags": ["db"]},
        expect=allowed("admin"),
        unchanged=the_team_is_unchanged,
    ),
    Route(
        "PUT",
        "/api/v1/teams/{team.pk}",
        body={"name": "Web", "tags": ["db"]},
        expect=allowed("admin"),
        unchanged=the_team_is_unchanged,
    ),
    Route("DELETE", "/api/v1/teams/{team.pk}", expect=allowed("admin"), unchanged=the_team_is_unchanged),
    Route(
        "POST",
        "/api/v1/teams/{team.pk}/members",
        body={"user_id": GUEST_ID},
        uses=("guest",),
        expect=allowed("admin", ok=201),
        unchanged=the_team_is_unchanged,
    ),
    Route(
        "DELETE",
        "/api/v1/teams/{team.pk}/members/{viewer.pk}",
        expect=allowed("admin"),
        unchanged=the_team_is_unchanged,
    ),
    Route("GET", URL, expect={key("admin", "servers:read"): (403, "insufficient_scope")}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestTeams:
    def test_an_admin_creates_a_team_with_a_clean_scope_and_it_is_audited(self, admin_client):
        data = assert_ok(admin_client.post(URL, NEW, format="json"), 201)
        assert data["tags"] == ["prod", "web"] and data["all_servers"] is False and data["member_count"] == 0
        entry = AuditLog.objects.get(action="team.created")
        assert entry.details == {"name": "Web team", "tags": ["prod", "web"], "all_servers": False}

    def test_a_member_lists_only_their_teams(self, viewer_client, team):
        Team.objects.create(name="Other")
        assert [t["name"] for t in assert_ok(viewer_client.get(URL))] == ["Web"]

    def test_an_admin_lists_every_team_and_filters(self, admin_client, team):
        Team.objects.create(name="DB", tags=["db"], all_servers=False)
        assert [t["name"] for t in assert_ok(admin_client.get(URL))] == ["DB", "Web"]
        assert [t["name"] for t in assert_ok(admin_client.get(URL, {"tag": "db"}))] == ["DB"]
        assert [t["name"] for t in assert_ok(admin_client.get(URL, {"search": "we"}))] == ["Web"]

    def test_a_change_is_audited_with_what_changed(self, admin_client, team):
        body = {"tags": ["db", "web"], "all_servers": True}
        data = assert_ok(admin_client.patch(f"{URL}/{team.pk}", body, format="json"))
        assert data["tags"] == ["db", "web"] and data["all_servers"] is True and data["member_count"] == 1
        entry = AuditLog.objects.get(action="team.updated")
        assert entry.details["changed"] == ["all_servers", "tags"]
        assert entry.details["tags"] == {"before": ["web"], "after": ["db", "web"]}

    def test_deleting_a_team_keeps_its_members(self, admin_client, team, viewer):
        assert_ok(admin_client.delete(f"{URL}/{team.pk}"))
        assert not Team.objects.exists() and User.objects.filter(pk=viewer.pk, is_active=True).exists()
        assert AuditLog.objects.get(action="team.deleted").details["members"] == ["vera"]

    @pytest.mark.parametrize("name", ["web", "WEB", " Web "])
    def test_a_name_taken_in_any_case_is_409(self, admin_client, team, name):
        body = assert_error(admin_client.post(URL, {"name": name}, format="json"), 409, "conflict")
        assert body["errors"][0]["field"] == "name"

    @pytest.mark.parametrize(
        "body",
        [
            {"name": ""},
            {"name": "-leading"},
            {"name": "x" * 81},
            {"name": "ok", "tags": ["no spaces"]},
            {"name": "ok", "tags": "web"},
            {"name": "ok", "tags": [7]},
            {"name": "ok", "tags": ["x" * 51]},
            {"name": "ok", "tags": [f"t{i}" for i in range(101)]},
            {"name": "ok", "all_servers": "yes"},
            {"name": "ok", "description": "x" * 501},
        ],
    )
    def test_bad_input_is_400_and_creates_nothing(self, admin_client, body):
        assert_error(admin_client.post(URL, body, format="json"), 400, "validation_error")
        assert not Team.objects.exists()


class TestMembers:
    def test_adding_and_removing_members_is_audited(self, admin_client, team, operator):
        added = admin_client.post(f"{URL}/{team.pk}/members", {"user_id": operator.pk}, format="json")
        assert assert_ok(added, 201) == {"id": operator.pk, "username": "otto", "full_name": operator.full_name,
                                         "role": "operator"}  # fmt: skip
        again = admin_client.post(f"{URL}/{team.pk}/members", {"user_id": operator.pk}, format="json")
        assert assert_ok(again, 200)["id"] == operator.pk
        members = assert_ok(admin_client.get(f"{URL}/{team.pk}/members"))
        assert [m["username"] for m in members] == ["otto", "vera"]
        assert_ok(admin_client.delete(f"{URL}/{team.pk}/members/{operator.pk}"))
        actions = list(AuditLog.objects.filter(action__startswith="team.member").values_list("action", "details"))
        assert actions == [
            ("team.member_removed", {"user_id": operator.pk, "username": "otto"}),
            ("team.member_added", {"user_id": operator.pk, "username": "otto"}),
        ]

    def test_removing_someone_who_is_not_a_member_is_404(self, admin_client, team, operator):
        assert_error(admin_client.delete(f"{URL}/{team.pk}/members/{operator.pk}"), 404, "not_found")
        assert_error(admin_client.delete(f"{URL}/{team.pk}/members/999999"), 404, "not_found")

    @pytest.mark.parametrize("body", [{"user_id": 999999}, {"user_id": "1"}, {}, {"user_id": None}])
    def test_a_member_who_is_not_a_user_is_400(self, admin_client, team, body):
        assert_error(admin_client.post(f"{URL}/{team.pk}/members", body, format="json"), 400, "validation_error")


class TestTheConsole:
    def test_a_team_made_and_changed_in_the_console_is_audited(self, console, operator, viewer):
        form = {"name": "Ops", "description": "", "tags": "Web, db web", "members": [operator.pk]}
        assert console.post(admin_url("accounts", "team", "add"), form).status_code == 302
        team = Team.objects.get(name="Ops")
        assert team.tags == ["db", "web"]
        form = {"name": "Ops", "description": "", "tags": "db", "all_servers": "on", "members": [viewer.pk]}
        assert console.post(admin_url("accounts", "team", "change", team.pk), form).status_code == 302
        actions = sorted(AuditLog.objects.filter(action__startswith="team.").values_list("action", flat=True))
        assert actions == [
            "team.created",
            "team.member_added",
            "team.member_added",
            "team.member_removed",
            "team.updated",
        ]
        assert AuditLog.objects.get(action="team.updated").details["changed"] == ["all_servers", "tags"]
        assert console.get(admin_url("accounts", "team", "changelist")).status_code == 200

    def test_the_console_refuses_a_bad_tag(self, console):
        form = {"name": "Ops", "description": "", "tags": "no!tags"}
        response = console.post(admin_url("accounts", "team", "add"), form)
        assert response.status_code == 200 and "Not tag names" in response.content.decode()
        assert not Team.objects.exists()
