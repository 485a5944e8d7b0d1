"""Routes, escalation policies, silences and the alert timeline over REST: every endpoint's
happy path, 401, 403 by role, 404, bad input, and the audit of every change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import AuditLog, Team
from alerts.models import Alert
from alerts.routing_models import AlertRoute, EscalationPolicy, Silence
from alerts.services.routing import route_alerts
from alerts.services.silences import create_silence
from chat.models import Room
from tests.alerts.routing_helpers import after, breach, cpu_threshold, servers
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone

pytestmark = pytest.mark.django_db

ROUTES = "/api/v1/alert-routes"
POLICIES = "/api/v1/escalation-policies"
SILENCES = "/api/v1/silences"
PAGED_ID = 4243


def future(minutes: int = 60) -> str:
    return (timezone.now() + timedelta(minutes=minutes)).isoformat()


def silence_body() -> dict:
    return {"matchers": [{"label": "server", "op": "=", "value": "web-01"}], "ends_at": future(), "comment": "deploy"}


@pytest.fixture
def paged(db):
    """Someone with a known id, for bodies that name whom to page."""
    from tests.factories import UserFactory

    return UserFactory(pk=PAGED_ID, username="pager")


@pytest.fixture
def a_route(admin):
    return AlertRoute.objects.create(name="ops", users=[admin.pk])


@pytest.fixture
def a_policy(admin):
    return EscalationPolicy.objects.create(name="on-call", steps=[{"after_minutes": 5, "users": [admin.pk]}])


@pytest.fixture
def a_silence(admin):
    return create_silence(
        Actor.for_user(admin, "api"),
        matchers=[{"label": "server", "op": "=", "value": "x"}],
        ends_at=after(timezone.now(), 600),
    )


@pytest.fixture
def alert(admin):
    cpu_threshold()
    return breach(servers(1))[0]


def no_route_was_made(outcome):
    assert AlertRoute.objects.count() == (1 if "a_route" in outcome.objects else 0)


def no_policy_was_made(outcome):
    assert not EscalationPolicy.objects.exclude(name="on-call").exists()


def no_silence_was_made(outcome):
    assert not Silence.objects.exclude(matchers__0__value="x").exists()


def the_silence_is_still_active(outcome):
    silence = outcome.objects["a_silence"]
    silence.refresh_from_db()
    assert silence.state(timezone.now()) == "active"


ROUTE = f"{ROUTES}/{{a_route.pk}}"
POLICY = f"{POLICIES}/{{a_policy.pk}}"
SILENCE = f"{SILENCES}/{{a_silence.pk}}"
ROLES = RoleMatrix(
    Route("GET", ROUTES, expect=allowed("admin")),
    Route("POST", ROUTES, body={"name": "new"}, expect=allowed("admin", ok=201), unchanged=no_route_was_made),
    Route("GET", ROUTE, expect=allowed("admin")),
    Route("PUT", ROUTE, body={"name": "ops"}, expect=allowed("admin")),
    Route("PATCH", ROUTE, body={"enabled": False}, expect=allowed("admin")),
    Route("DELETE", ROUTE, expect=allowed("admin"), unchanged=no_route_was_made),
    Route("GET", f"{ROUTES}/999999", expect={"admin": (404, "not_found")}),
    Route("GET", POLICIES, expect=allowed("admin")),
    Route(
        "POST",
        POLICIES,
        body={"name": "p", "steps": [{"after_minutes": 1, "users": [PAGED_ID]}]},
        uses=("paged",),
        expect=allowed("admin", ok=201),
        unchanged=no_policy_was_made,
    ),
    Route("GET", POLICY, expect=allowed("admin")),
    Route("PATCH", POLICY, body={"description": "pager"}, expect=allowed("admin")),
    Route(
        "PUT",
        POLICY,
        body={"name": "on-call", "steps": [{"after_minutes": 2, "users": [PAGED_ID]}]},
        uses=("paged",),
        expect=allowed("admin"),
    ),
    Route("DELETE", POLICY, expect=allowed("admin")),
    Route("DELETE", f"{POLICIES}/999999", expect={"admin": (404, "not_found")}),
    Route("GET", SILENCES, expect=everyone(200)),
    Route(
        "POST",
        SILENCES,
        body=silence_body(),
        expect=allowed("operator", "admin", ok=201),
        unchanged=no_silence_was_made,
    ),
    Route("GET", SILENCE, expect=everyone(200)),
    Route("PATCH", SILENCE, body={"comment": "longer"}, expect=allowed("operator", "admin")),
    Route(
        "PUT", SILENCE, body=silence_body(), expect=allowed("operator", "admin"), unchanged=the_silence_is_still_active
    ),
    Route("DELETE", SILENCE, expect=allowed("operator", "admin"), unchanged=the_silence_is_still_active),
    Route("GET", f"{SILENCES}/999999", expect={"viewer": (404, "not_found")}),
    Route("GET", "/api/v1/alerts/{alert.pk}/timeline", expect={**everyone(200), "requester": (404, "not_found")}),
    Route("GET", "/api/v1/alerts/999999/timeline", expect={"viewer": (404, "not_found")}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestRoutes:
    def test_admin_creates_lists_changes_and_deletes_a_route(self, admin_client, admin, operator):
        team = Team.objects.create(name="sre", all_servers=True)  # on call for the whole fleet
        room = Room.objects.create(name="alerts", owner=admin)
        threshold = cpu_threshold()
        body = {
            "name": "Critical web",
            "severities": ["critical", "critical"],
            "tags": ["Web"],
            "thresholds": [threshold.pk],
            "kinds": ["threshold"],
            "users": [operator.pk],
            "teams": [team.pk],
            "chat_rooms": [room.pk],
            "group_by": ["server"],
            "group_wait_seconds": 10,
            "continue": True,
        }
        made = assert_ok(admin_client.post(ROUTES, body, format="json"), 201)
        assert made["severities"] == ["critical"] and made["tags"] == ["web"] and made["continue"] is True
        assert (made["position"], made["group_interval_seconds"], made["repeat_interval_seconds"]) == (0, 300, 14400)
        assert made["created_by"] == {"id": admin.pk, "username": "ada"}
        second = assert_ok(admin_client.post(ROUTES, {"name": "rest"}, format="json"), 201)
        assert second["position"] == 1 and second["group_by"] == ["alert_name", "severity"]
        listed = admin_client.get(ROUTES).json()
        assert [r["name"] for r in listed["data"]] == ["Critical web", "rest"] and listed["pagination"]["total"] == 2
        assert_ok(admin_client.patch(f"{ROUTES}/{second['id']}", {"position": 0, "name": "first"}, format="json"))
        assert_ok(admin_client.patch(f"{ROUTES}/{made['id']}", {"position": 5}, format="json"))
        assert [r["name"] for r in assert_ok(admin_client.get(ROUTES))] == ["first", "Critical web"]
        assert assert_ok(admin_client.delete(f"{ROUTES}/{made['id']}")) is None
        actions = sorted(AuditLog.objects.filter(action__startswith="alert_route.").values_list("action", flat=True))
        assert (
            actions
            == ["alert_route.created", "alert_route.created", "alert_route.deleted"] + ["alert_route.updated"] * 2
        )
        entry = AuditLog.objects.filter(action="alert_route.updated").first()
        assert entry.details == {"position": 5}

    def test_names_are_unique_regardless_of_case(self, admin_client, a_route):
        assert_error(admin_client.post(ROUTES, {"name": "OPS"}, format="json"), 409)

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"name": "  "}, "name"),
            ({"name": 5}, "name"),
            ({"severities": ["fatal"]}, "severities"),
            ({"tags": ["Not A Tag!"]}, "tags"),
            ({"kinds": ["cpu"]}, "kinds"),
            ({"thresholds": [999999]}, "thresholds"),
            ({"users": [999999]}, "users"),
            ({"users": ["1"]}, "users"),
            ({"teams": [999999]}, "teams"),
            ({"channels": [999999]}, "channels"),
            ({"chat_rooms": [999999]}, "chat_rooms"),
            ({"group_by": ["hostname"]}, "group_by"),
            ({"group_wait_seconds": -1}, "group_wait_seconds"),
            ({"group_interval_seconds": 0}, "group_interval_seconds"),
            ({"repeat_interval_seconds": 8 * 86400}, "repeat_interval_seconds"),
            ({"repeat_interval_seconds": "60"}, "repeat_interval_seconds"),
            ({"continue": "yes"}, "continue"),
            ({"escalation_policy": 999999}, "escalation_policy"),
            ({"position": -1}, "position"),
        ],
    )
    def test_bad_input_is_a_400_naming_the_field(self, admin_client, change, field):
        body = assert_error(admin_client.post(ROUTES, {"name": "r", **change}, format="json"), 400, "validation_error")
        assert field in [e["field"].split(".")[0] for e in body["errors"]], body
        assert not AlertRoute.objects.exists()

    def test_an_archived_room_is_refused(self, admin_client, admin):
        room = Room.objects.create(name="old", owner=admin, archived_at=timezone.now())
        body = assert_error(admin_client.post(ROUTES, {"name": "r", "chat_rooms": [room.pk]}, format="json"), 400)
        assert body["errors"][0]["message"] == f"No active chat room with id {room.pk}."


class TestPolicies:
    def test_admin_creates_attaches_and_cannot_delete_a_policy_in_use(self, admin_client, admin, operator):
        body = {
            "name": "night",
            "steps": [{"after_minutes": 10, "users": [operator.pk]}, {"after_minutes": 30, "users": [admin.pk]}],
        }
        made = assert_ok(admin_client.post(POLICIES, body, format="json"), 201)
        assert made["steps"][0] == {
            "after_minutes": 10,
            "users": [operator.pk],
            "teams": [],
            "channels": [],
            "chat_rooms": [],
        }
        route = assert_ok(admin_client.post(ROUTES, {"name": "r", "escalation_policy": made["id"]}, format="json"), 201)
        assert assert_ok(admin_client.get(f"{POLICIES}/{made['id']}"))["routes"] == [route["id"]]
        error = assert_error(admin_client.delete(f"{POLICIES}/{made['id']}"), 409, "policy_in_use")
        assert "r" in error["detail"]
        assert_ok(admin_client.patch(f"{ROUTES}/{route['id']}", {"escalation_policy": None}, format="json"))
        assert_ok(admin_client.delete(f"{POLICIES}/{made['id']}"))
        actions = sorted(
            AuditLog.objects.filter(action__startswith="escalation_policy.").values_list("action", flat=True)
        )
        assert actions == ["escalation_policy.created", "escalation_policy.deleted"]

    @pytest.mark.parametrize(
        "steps",
        [
            [],
            [{"after_minutes": 5}],
            [{"after_minutes": 5, "users": [999999]}],
            [{"after_minutes": -1, "users": [1]}],
            [{"after_minutes": "5", "users": [1]}],
            [{"after_minutes": 10, "users": [1]}, {"after_minutes": 10, "users": [1]}],
            [{"after_minutes": 5, "users": [1]}] * 11,
            "every 5 minutes",
        ],
    )
    def test_bad_steps_are_refused(self, admin_client, admin, steps):
        for step in steps if isinstance(steps, list) else []:
            if step.get("users") == [1]:
                step["users"] = [admin.pk]
        body = assert_error(admin_client.post(POLICIES, {"name": "p", "steps": steps}, format="json"), 400)
        assert body["errors"][0]["field"].startswith("steps")
        assert not EscalationPolicy.objects.exists()


class TestSilencesAPI:
    def test_operator_creates_lists_changes_and_expires_a_silence(self, operator_client, operator, viewer_client):
        made = assert_ok(operator_client.post(SILENCES, silence_body(), format="json"), 201)
        assert made["state"] == "active" and made["created_by"]["username"] == "otto" and made["alerts"] == []
        assert [s["id"] for s in assert_ok(viewer_client.get(f"{SILENCES}?state=active"))] == [made["id"]]
        assert assert_ok(viewer_client.get(f"{SILENCES}?state=expired")) == []
        changed = assert_ok(
            operator_client.patch(f"{SILENCES}/{made['id']}", {"comment": "longer deploy"}, format="json")
        )
        assert changed["comment"] == "longer deploy"
        expired = assert_ok(operator_client.delete(f"{SILENCES}/{made['id']}"))
        assert expired["state"] == "expired"
        assert_error(operator_client.delete(f"{SILENCES}/{made['id']}"), 409, "silence_expired")
        assert_error(operator_client.patch(f"{SILENCES}/{made['id']}", {"comment": "x"}, format="json"), 409)
        assert [s["id"] for s in assert_ok(viewer_client.get(f"{SILENCES}?state=expired"))] == [made["id"]]
        actions = list(
            AuditLog.objects.filter(action__startswith="silence.").order_by("id").values_list("action", flat=True)
        )
        assert actions == ["silence.created", "silence.updated", "silence.expired"]

    def test_a_past_ends_at_on_patch_expires_it_now(self, operator_client):
        made = assert_ok(operator_client.post(SILENCES, silence_body(), format="json"), 201)
        past = (timezone.now() - timedelta(hours=1)).isoformat()
        assert (
            assert_ok(operator_client.patch(f"{SILENCES}/{made['id']}", {"ends_at": past}, format="json"))["state"]
            == "expired"
        )
        assert AuditLog.objects.filter(action="silence.expired").exists()

    def test_a_silence_shows_the_alerts_it_holds(self, operator_client, alert):
        body = {**silence_body(), "matchers": [{"label": "server", "op": "=~", "value": "WEB-.*"}]}
        made = assert_ok(operator_client.post(SILENCES, body, format="json"), 201)
        assert made["alerts"] == [alert.pk]
        shown = assert_ok(operator_client.get(f"/api/v1/alerts/{alert.pk}"))
        assert (shown["silenced"], shown["silence"]) == (True, made["id"])

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"matchers": []}, "matchers"),
            ({"matchers": [{"label": "server", "op": "=~", "value": "(bad"}]}, "matchers"),
            ({"matchers": [{"label": "host", "op": "=", "value": "x"}]}, "matchers"),
            ({"matchers": [{"label": "server", "op": "=", "value": 5}]}, "matchers"),
            ({"ends_at": "soon"}, "ends_at"),
            ({"ends_at": "1969-12-31T23:59:59Z"}, "ends_at"),
            ({"ends_at": "2020-01-01T00:00:00Z"}, "ends_at"),
            ({"starts_at": "2099-01-01T00:00:00Z"}, "ends_at"),
            ({"comment": "x" * 501}, "comment"),
        ],
    )
    def test_bad_input_is_a_400_naming_the_field(self, operator_client, change, field):
        body = assert_error(operator_client.post(SILENCES, {**silence_body(), **change}, format="json"), 400)
        assert field in [e["field"].split(".")[0] for e in body["errors"]], body
        assert not Silence.objects.exists()

    def test_a_bad_state_filter_is_400(self, viewer_client):
        assert_error(viewer_client.get(f"{SILENCES}?state=asleep"), 400)


class TestTimeline:
    def test_who_was_told_how_and_when(self, admin, operator, operator_client, viewer_client):
        room = Room.objects.create(name="alerts", owner=admin)
        cpu_threshold()
        AlertRoute.objects.create(name="ops", users=[operator.pk], chat_rooms=[room.pk], group_wait_seconds=0)
        alert = breach(servers(1))[0]
        assert route_alerts()["notified"] == 1
        assert_ok(operator_client.post(f"/api/v1/alerts/{alert.pk}/acknowledge", {"comment": "on it"}, format="json"))
        entries = assert_ok(viewer_client.get(f"/api/v1/alerts/{alert.pk}/timeline"))
        assert [e["type"] for e in entries] == ["fired", "notified", "acknowledged"]
        told = entries[1]
        assert told["route"]["name"] == "ops" and told["notification"]["type"] == "alert.firing"
        assert sorted((d["kind"], d["user"], d["target_id"], d["status"]) for d in told["deliveries"]) == [
            ("chat_room", None, room.pk, "pending"),
            ("inapp", "otto", None, "pending"),
        ]
        assert "1 chat_room, 1 inapp" in told["summary"]
        acked = entries[2]
        assert (acked["actor"], acked["via"], acked["comment"]) == ("otto", "api", "on it")

    def test_silences_and_alert_emails_are_on_it(self, operator, viewer_client):
        operator.alert_emails = True
        operator.save()
        now = timezone.now()
        cpu_threshold()
        hosts = servers(2)
        silence = create_silence(
            Actor.for_user(operator, "api"), matchers=[{"label": "server", "op": "=", "value": "web-01"}],
            ends_at=after(now, 60), comment="deploy", now=now,
        )  # fmt: skip
        silenced, emailed = breach(hosts)
        route_alerts(after(now, 60))
        entries = assert_ok(viewer_client.get(f"/api/v1/alerts/{silenced.pk}/timeline"))
        assert [e["type"] for e in entries] == ["fired", "silenced", "email", "unsilenced"]
        held = next(e for e in entries if e["type"] == "silenced")
        assert (held["silence"], held["comment"]) == (silence.pk, "deploy")
        other = assert_ok(viewer_client.get(f"/api/v1/alerts/{emailed.pk}/timeline"))
        assert [e["type"] for e in other] == ["fired", "email"]
        assert "Alert email (alert.created) to 1 user(s)" in other[1]["summary"]
        assert Alert.objects.get(pk=silenced.pk).silence is None
