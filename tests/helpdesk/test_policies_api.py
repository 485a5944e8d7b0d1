"""``/api/v1/tickets/sla-policies`` and ``/api/v1/tickets/category-routes``: support staff read,
admins write (audited); strict input; a change applies to the next ticket."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from accounts.models import AuditLog, Team
from helpdesk.models import CategoryRoute, SLAPolicy
from helpdesk.services import open_ticket
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, key

pytestmark = pytest.mark.django_db

SLA = "/api/v1/tickets/sla-policies"
ROUTES = "/api/v1/tickets/category-routes"
STAFF_READ = allowed("support", "operator", "admin")
NEW_POLICY = {"priority": "low", "first_response_minutes": 120, "resolution_minutes": 600}


@pytest.fixture
def low_free(db):
    """The migration's default policies, without the one of ``low`` (free to create)."""
    SLAPolicy.objects.filter(priority="low").delete()


@pytest.fixture
def policy(db):
    return SLAPolicy.objects.get(priority="medium")


DESK = 4242  # the id of the team the role matrix's bodies name


@pytest.fixture
def desk(support, support2):
    team = Team.objects.create(pk=DESK, name="Service desk")
    team.members.add(support, support2)
    return team


@pytest.fixture
def route(desk):
    return CategoryRoute.objects.create(category="hardware_issue", team=desk, strategy="least_loaded")


def no_low_policy(outcome):
    assert not SLAPolicy.objects.filter(priority="low").exists()


def policy_unchanged(outcome):
    policy = SLAPolicy.objects.get(priority="medium")
    assert (policy.first_response_minutes, policy.resolution_minutes) == (240, 1440)


def no_route(outcome):
    assert not CategoryRoute.objects.filter(category="network_issue").exists()


def route_unchanged(outcome):
    assert CategoryRoute.objects.get(category="hardware_issue").strategy == "least_loaded"


ROLES = RoleMatrix(
    Route("GET", SLA, expect=STAFF_READ),
    Route("GET", SLA, expect={key("admin", "tickets:read"): 200, key("support", "tickets:read"): 200,
                              key("admin", "servers:read"): (403, "insufficient_scope")}),
    Route("GET", SLA + "/{policy.pk}", expect=STAFF_READ),
    Route("GET", SLA + "/999999", expect={"support": (404, "not_found"), "admin": (404, "not_found")}),
    Route("POST", SLA, body=NEW_POLICY, uses=("low_free",), expect=allowed("admin", ok=201), unchanged=no_low_policy),
    Route("POST", SLA, body=NEW_POLICY, uses=("low_free",), unchanged=no_low_policy,
          expect={key("admin", "tickets:read"): (403, "insufficient_scope"), key("admin", "tickets:write"): 201}),
    Route("PATCH", SLA + "/{policy.pk}", body={"resolution_minutes": 2000}, expect=allowed("admin"),
          unchanged=policy_unchanged),
    Route("PUT", SLA + "/{policy.pk}", expect=allowed("admin"), unchanged=policy_unchanged,
          body={"priority": "medium", "first_response_minutes": 30, "resolution_minutes": 300, "enabled": True}),
    Route("DELETE", SLA + "/{policy.pk}", expect=allowed("admin"), unchanged=policy_unchanged),
    Route("PATCH", SLA + "/999999", body={"enabled": False}, expect={"admin": (404, "not_found")}),
    Route("GET", ROUTES, uses=("route",), expect=STAFF_READ),
    Route("GET", ROUTES + "/{route.pk}", expect=STAFF_READ),
    Route("GET", ROUTES + "/999999", expect={"support": (404, "not_found")}),
    Route("POST", ROUTES, body={"category": "network_issue", "team": DESK}, uses=("desk",),
          expect=allowed("admin", ok=201), unchanged=no_route),
    Route("PATCH", ROUTES + "/{route.pk}", body={"strategy": "round_robin"}, expect=allowed("admin"),
          unchanged=route_unchanged),
    Route("PUT", ROUTES + "/{route.pk}", expect=allowed("admin"), unchanged=route_unchanged,
          body={"category": "hardware_issue", "team": DESK, "strategy": "round_robin"}),
    Route("DELETE", ROUTES + "/{route.pk}", expect=allowed("admin"), unchanged=route_unchanged),
    Route("DELETE", ROUTES + "/999999", expect={"admin": (404, "not_found")}),
)  # fmt: skip


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


# --- SLA policies -------------------------------------------------------------------------------


def test_the_defaults_are_listed_by_priority(client_for, support):
    listed = assert_ok(client_for(support).get(SLA))
    assert [(p["priority"], p["first_response_minutes"], p["resolution_minutes"]) for p in listed] == [
        ("critical", 15, 240),
        ("high", 60, 480),
        ("low", 480, 4320),
        ("medium", 240, 1440),
    ]
    assert set(listed[0]) == {"id", "priority", "first_response_minutes", "resolution_minutes", "enabled", "updated_at"}


def test_admin_creates_changes_and_deletes_a_policy_audited(client_for, admin, low_free):
    client = client_for(admin)
    created = assert_ok(client.post(SLA, NEW_POLICY, format="json"), 201)
    assert created["enabled"] is True and created["priority"] == "low"
    changed = assert_ok(client.patch(f"{SLA}/{created['id']}", {"first_response_minutes": 90}, format="json"))
    assert changed["first_response_minutes"] == 90 and changed["resolution_minutes"] == 600
    assert assert_ok(client.delete(f"{SLA}/{created['id']}")) is None
    assert not SLAPolicy.objects.filter(priority="low").exists()
    entries = {e.action: e for e in AuditLog.objects.filter(action__startswith="sla_policy.")}
    assert set(entries) == {"sla_policy.created", "sla_policy.updated", "sla_policy.deleted"}
    assert entries["sla_policy.updated"].details["first_response_minutes"] == 90
    assert "resolution_minutes" not in entries["sla_policy.updated"].details  # only what changed
    assert entries["sla_policy.deleted"].actor == admin
    assert entries["sla_policy.created"].target_id == str(created["id"])


def test_a_second_policy_for_a_priority_is_409(client_for, admin, policy):
    response = client_for(admin).post(SLA, {**NEW_POLICY, "priority": "medium"}, format="json")
    assert_error(response, 409)
    response = client_for(admin).patch(f"{SLA}/{policy.pk}", {"priority": "high"}, format="json")
    assert_error(response, 409)
    assert SLAPolicy.objects.filter(priority="medium").count() == 1


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {**NEW_POLICY, "priority": "urgent"},
        {**NEW_POLICY, "first_response_minutes": 0},
        {**NEW_POLICY, "first_response_minutes": -5},
        {**NEW_POLICY, "resolution_minutes": 366 * 24 * 60 + 1},
        {**NEW_POLICY, "first_response_minutes": "120"},
        {**NEW_POLICY, "first_response_minutes": 120.0},
        {**NEW_POLICY, "first_response_minutes": True},
        {**NEW_POLICY, "enabled": "true"},
        {**NEW_POLICY, "resolution_minutes": 60},  # before the first response
        {"priority": "low", "first_response_minutes": 60},
    ],
)
def test_bad_policies_are_400(client_for, admin, low_free, bad):
    assert_error(client_for(admin).post(SLA, bad, format="json"), 400, "validation_error")
    assert not SLAPolicy.objects.filter(priority="low").exists()


def test_a_partial_change_is_checked_against_the_other_target(client_for, admin, policy):
    response = client_for(admin).patch(f"{SLA}/{policy.pk}", {"resolution_minutes": 200}, format="json")
    assert_error(response, 400, "validation_error")
    assert [e["field"] for e in response.json()["errors"]] == ["resolution_minutes"]
    response = client_for(admin).patch(f"{SLA}/{policy.pk}", {"first_response_minutes": 2000}, format="json")
    assert_error(response, 400, "validation_error")
    policy_unchanged(None)


def test_a_policy_changed_over_rest_times_the_next_ticket(client_for, admin, requester, clock):
    policy = SLAPolicy.objects.get(priority="high")
    assert_ok(client_for(admin).patch(f"{SLA}/{policy.pk}", {"first_response_minutes": 5}, format="json"))
    ticket = open_ticket(
        Actor.for_user(requester, "api"), title="VPN down", description="", category="network_issue", priority="high"
    )
    assert (ticket.first_response_due - ticket.created_at).total_seconds() == 5 * 60
    assert_ok(client_for(admin).patch(f"{SLA}/{policy.pk}", {"enabled": False}, format="json"))
    later = open_ticket(
        Actor.for_user(requester, "api"), title="VPN again", description="", category="network_issue", priority="high"
    )
    assert later.first_response_due is None and later.sla_state == "none"


# --- Category routes ----------------------------------------------------------------------------


def test_admin_routes_a_category_and_the_next_ticket_is_assigned(client_for, admin, team, support, requester, clock):
    created = assert_ok(
        client_for(admin).post(ROUTES, {"category": "network_issue", "team": team.pk}, format="json"), 201
    )
    assert created == {
        "id": created["id"],
        "category": "network_issue",
        "team": team.pk,
        "strategy": "least_loaded",
        "auto_assign": True,
        "last_assigned": None,
    }
    ticket = open_ticket(
        Actor.for_user(requester, "api"), title="Wi-Fi", description="", category="network_issue", priority="low"
    )
    assert ticket.team == team and ticket.assigned_to == support  # least loaded, lowest id
    assert AuditLog.objects.get(action="category_route.created").details == {
        "category": "network_issue",
        "team": team.pk,
    }


def test_changing_a_routes_team_or_strategy_restarts_its_round_robin(client_for, admin, route, support):
    CategoryRoute.objects.filter(pk=route.pk).update(strategy="round_robin", last_assigned=support)
    changed = assert_ok(client_for(admin).patch(f"{ROUTES}/{route.pk}", {"strategy": "least_loaded"}, format="json"))
    assert changed["last_assigned"] is None
    assert AuditLog.objects.get(action="category_route.updated").details == {"strategy": "least_loaded"}


def test_a_deleted_route_leaves_new_tickets_in_the_queue(client_for, admin, route, requester, clock):
    assert_ok(client_for(admin).delete(f"{ROUTES}/{route.pk}"))
    ticket = open_ticket(
        Actor.for_user(requester, "api"), title="Disk", description="", category="hardware_issue", priority="low"
    )
    assert ticket.assigned_to is None and ticket.team is None
    assert AuditLog.objects.get(action="category_route.deleted").details["category"] == "hardware_issue"


def test_a_second_route_for_a_category_is_409(client_for, admin, route, desk):
    response = client_for(admin).post(ROUTES, {"category": "hardware_issue", "team": DESK}, format="json")
    assert_error(response, 409)


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"category": "coffee", "team": DESK},
        {"category": "network_issue", "team": 999999},
        {"category": "network_issue", "team": str(DESK)},  # an id as a string is not an id
        {"category": "network_issue", "team": None},
        {"category": "network_issue", "team": DESK, "strategy": "random"},
        {"category": "network_issue", "team": DESK, "auto_assign": "yes"},
        {"category": "network_issue"},
    ],
)
def test_bad_routes_are_400(client_for, admin, desk, bad):
    assert_error(client_for(admin).post(ROUTES, bad, format="json"), 400, "validation_error")
    assert not CategoryRoute.objects.exists()
