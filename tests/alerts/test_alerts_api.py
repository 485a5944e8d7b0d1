"""Thresholds and alerts over REST: every endpoint's happy path, 401, 403 by role, 404 and bad
input, and the acknowledge/resolve lifecycle with its audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accounts.models import AuditLog
from alerts.models import Alert, AlertStatus, Threshold, ThresholdState
from servers.models import Tag
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone

pytestmark = pytest.mark.django_db
URL = "/api/v1/alerts/thresholds"
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

BODY = {
    "name": "High CPU",
    "metric": "cpu_percent",
    "operator": ">=",
    "value": 90,
    "duration_seconds": 300,
    "clear_value": 80,
    "severity": "critical",
    "scope": "all",
    "repeat_interval_seconds": 3600,
}


def make_alert(server, **fields) -> Alert:
    defaults = {
        "name": "High CPU",
        "metric": "cpu_percent",
        "operator": ">",
        "threshold_value": 90.0,
        "severity": "critical",
        "value": 95.0,
        "peak_value": 97.0,
        "message": "cpu_percent > 90: 95",
        "started_at": T0,
    }
    return Alert.objects.create(server=server, **{**defaults, **fields})


@pytest.fixture
def threshold() -> Threshold:
    return Threshold.objects.create(name="t", metric="load_1", operator=">", value=4)


@pytest.fixture
def alert(server) -> Alert:
    return make_alert(server)


def reads_the_threshold(outcome):
    if outcome.response.status_code == 200:
        assert outcome.data["metric"] == "load_1"


def no_threshold_was_created(outcome):
    assert not Threshold.objects.exists()


def the_alert_still_fires(outcome):
    outcome.objects["alert"].refresh_from_db()
    assert outcome.objects["alert"].status == AlertStatus.FIRING


THRESHOLD = "/api/v1/alerts/thresholds/{threshold.pk}"
ALERT = "/api/v1/alerts/{alert.pk}"
ROLES = RoleMatrix(
    # Requesters (the helpdesk's askers) see no server, and so no threshold or alert.
    Route("GET", URL, expect={**everyone(200), "requester": (403, "permission_denied")}),
    Route("POST", URL, body=BODY, expect=allowed("admin", ok=201), unchanged=no_threshold_was_created),
    Route(
        "GET", THRESHOLD, expect={**everyone(200), "requester": (403, "permission_denied")}, then=reads_the_threshold
    ),
    Route("PATCH", THRESHOLD, body={"value": 5}, expect=allowed("admin")),
    Route("DELETE", THRESHOLD, expect=allowed("admin")),
    Route("GET", f"{URL}/999999", expect={"admin": 404}),
    Route("DELETE", f"{URL}/999999", expect={"admin": 404}),
    Route("GET", "/api/v1/alerts", expect=everyone(200)),
    Route("GET", ALERT, expect={**everyone(200), "requester": (404, "not_found")}),
    Route("GET", "/api/v1/alerts/999999", expect={"viewer": 404}),
    Route(
        "POST", f"{ALERT}/acknowledge", body={}, expect=allowed("operator", "admin"), unchanged=the_alert_still_fires
    ),
    Route("POST", f"{ALERT}/resolve", body={}, expect=allowed("operator", "admin"), unchanged=the_alert_still_fires),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestThresholds:
    def test_admin_creates_reads_updates_and_deletes(self, admin_client, server):
        created = assert_ok(admin_client.post(URL, BODY, format="json"), 201)
        assert {k: created[k] for k in BODY} == {**BODY, "value": 90.0, "clear_value": 80.0}
        assert created["server"] is None and created["tag"] is None and created["enabled"] is True
        assert assert_ok(admin_client.get(f"{URL}/{created['id']}"))["name"] == "High CPU"
        listed = admin_client.get(URL).json()
        assert [t["id"] for t in listed["data"]] == [created["id"]]
        assert listed["pagination"]["total"] == 1
        updated = assert_ok(
            admin_client.put(f"{URL}/{created['id']}", {**BODY, "scope": "server", "server": server.pk}, format="json")
        )
        assert (updated["scope"], updated["server"]) == ("server", server.pk)
        tagged = assert_ok(admin_client.patch(f"{URL}/{created['id']}", {"scope": "tag", "tag": "Web"}, format="json"))
        assert (tagged["scope"], tagged["tag"], tagged["server"]) == ("tag", "web", None)
        assert Tag.objects.filter(name="web").exists()
        assert assert_ok(admin_client.delete(f"{URL}/{created['id']}")) is None
        assert not Threshold.objects.exists()
        actions = list(AuditLog.objects.filter(action__startswith="threshold.").values_list("action", flat=True))
        assert sorted(actions) == ["threshold.created", "threshold.deleted", "threshold.updated", "threshold.updated"]

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"operator": "=="}, "operator"),
            ({"metric": "CPU Percent"}, "metric"),
            ({"metric": ""}, "metric"),
            ({"value": "90"}, "value"),
            ({"value": None}, "value"),
            ({"clear_value": 95}, "clear_value"),  # >= 90 cannot clear above 90
            ({"duration_seconds": -1}, "duration_seconds"),
            ({"duration_seconds": 8 * 86400}, "duration_seconds"),
            ({"severity": "fatal"}, "severity"),
            ({"scope": "server"}, "server"),
            ({"scope": "tag"}, "tag"),
            ({"scope": "tag", "tag": "Not A Tag!"}, "tag"),
            ({"server": 1}, "server"),
            ({"enabled": "yes"}, "enabled"),
            ({"name": "   "}, "name"),
        ],
    )
    def test_bad_input_is_a_400_naming_the_field(self, admin_client, change, field):
        body = assert_error(admin_client.post(URL, {**BODY, **change}, format="json"), 400, "validation_error")
        assert field in [e["field"] for e in body["errors"]], body
        assert not Threshold.objects.exists()

    def test_low_side_clear_value_must_be_above(self, admin_client):
        body = {**BODY, "operator": "<", "value": 10, "clear_value": 5}
        assert_error(admin_client.post(URL, body, format="json"), 400)
        assert assert_ok(admin_client.post(URL, {**body, "clear_value": 15}, format="json"), 201)

    def test_names_are_unique_regardless_of_case(self, admin_client):
        assert_ok(admin_client.post(URL, BODY, format="json"), 201)
        assert_error(admin_client.post(URL, {**BODY, "name": "HIGH cpu"}, format="json"), 409)

    def test_a_refused_threshold_leaves_no_new_tag_behind(self, admin_client):
        first = assert_ok(admin_client.post(URL, BODY, format="json"), 201)
        taken = {**BODY, "name": "HIGH cpu", "scope": "tag", "tag": "brand-new"}
        assert_error(admin_client.post(URL, taken, format="json"), 409)
        other = assert_ok(admin_client.post(URL, {**BODY, "name": "other"}, format="json"), 201)
        assert_error(
            admin_client.patch(
                f"{URL}/{other['id']}", {"name": first["name"], "scope": "tag", "tag": "brand-new-2"}, format="json"
            ),
            409,
        )
        assert not Tag.objects.filter(name__startswith="brand-new").exists()
        made = assert_ok(admin_client.post(URL, {**taken, "name": "by tag"}, format="json"), 201)
        assert made["tag"] == "brand-new"
        assert Threshold.objects.get(pk=made["id"]).tag == Tag.objects.get(name="brand-new")

    def test_disabling_resolves_its_open_alerts_and_changing_it_restarts_pending(self, admin_client, server):
        threshold = Threshold.objects.create(name="t", metric="cpu_percent", operator=">", value=90)
        alert = make_alert(server, threshold=threshold)
        ThresholdState.objects.create(threshold=threshold, server=server, pending_since=T0, peak_value=95)
        assert_ok(admin_client.patch(f"{URL}/{threshold.pk}", {"value": 85}, format="json"))
        assert not ThresholdState.objects.exists()
        alert.refresh_from_db()
        assert alert.status == AlertStatus.FIRING
        assert_ok(admin_client.patch(f"{URL}/{threshold.pk}", {"enabled": False}, format="json"))
        alert.refresh_from_db()
        assert (alert.status, alert.resolve_comment) == (AlertStatus.RESOLVED, "threshold disabled")

    def test_deleting_resolves_its_open_alerts_and_keeps_them(self, admin_client, server):
        threshold = Threshold.objects.create(name="t", metric="cpu_percent", operator=">", value=90)
        alert = make_alert(server, threshold=threshold)
        assert_ok(admin_client.delete(f"{URL}/{threshold.pk}"))
        alert.refresh_from_db()
        assert (alert.status, alert.threshold_id, alert.name) == (AlertStatus.RESOLVED, None, "High CPU")


class TestAlerts:
    def test_list_filters_and_detail(self, viewer_client, server, admin):
        from tests.factories import ServerFactory

        other = ServerFactory(created_by=admin)
        firing = make_alert(server)
        resolved = make_alert(other, status=AlertStatus.RESOLVED, severity="warning", started_at=T0 - timedelta(days=2))
        body = viewer_client.get("/api/v1/alerts").json()
        assert [a["id"] for a in body["data"]] == [firing.pk, resolved.pk]
        assert body["pagination"]["total"] == 2

        def ids(query):
            return [a["id"] for a in assert_ok(viewer_client.get(f"/api/v1/alerts?{query}"))]

        assert ids("status=firing") == [firing.pk]
        assert ids("status=firing&status=resolved") == [firing.pk, resolved.pk]
        assert ids("severity=warning") == [resolved.pk]
        assert ids(f"server={other.pk}") == [resolved.pk]
        day_before = (T0 - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert ids(f"start={day_before}") == [firing.pk]
        assert ids(f"end={day_before}") == [resolved.pk]
        assert ids("sort=started_at&order=asc") == [resolved.pk, firing.pk]
        detail = assert_ok(viewer_client.get(f"/api/v1/alerts/{firing.pk}"))
        assert detail["server_name"] == server.name
        assert detail["status"] == "firing" and detail["kind"] == "threshold"
        assert detail["value"] == 95.0 and detail["peak_value"] == 97.0

    @pytest.mark.parametrize("query", ["status=burning", "severity=", "server=abc", "start=yesterday", "sort=name"])
    def test_bad_filters_are_400(self, viewer_client, query):
        assert_error(viewer_client.get(f"/api/v1/alerts?{query}"), 400)

    def test_operator_acknowledges_then_resolves_with_who_and_when(self, operator_client, operator, server):
        alert = make_alert(server)
        url = f"/api/v1/alerts/{alert.pk}"
        acked = assert_ok(operator_client.post(f"{url}/acknowledge", {"comment": "on it"}, format="json"))
        assert acked["status"] == "acknowledged"
        assert acked["acknowledged_by"] == operator.username
        assert acked["ack_comment"] == "on it"
        assert acked["acknowledged_at"] is not None
        assert_error(operator_client.post(f"{url}/acknowledge", {}, format="json"), 409, "alert_state")
        resolved = assert_ok(operator_client.post(f"{url}/resolve", {"comment": "rebooted"}, format="json"))
        assert resolved["status"] == "resolved"
        assert resolved["resolved_by"] == operator.username
        assert resolved["resolve_comment"] == "rebooted"
        assert_error(operator_client.post(f"{url}/resolve", {}, format="json"), 409, "alert_state")
        assert_error(operator_client.post(f"{url}/acknowledge", {}, format="json"), 409)
        actions = set(AuditLog.objects.filter(target_id=str(alert.pk)).values_list("action", flat=True))
        assert actions == {"alert.acknowledged", "alert.resolved"}

    def test_a_firing_alert_can_be_resolved_without_acknowledging(self, admin_client, server):
        alert = make_alert(server)
        assert assert_ok(admin_client.post(f"/api/v1/alerts/{alert.pk}/resolve", format="json"))["status"] == "resolved"

    def test_bad_comment_is_400(self, operator_client, server):
        alert = make_alert(server)
        url = f"/api/v1/alerts/{alert.pk}/acknowledge"
        assert_error(operator_client.post(url, {"comment": 5}, format="json"), 400)
        assert_error(operator_client.post(url, {"comment": "x" * 1001}, format="json"), 400)
        alert.refresh_from_db()
        assert alert.status == AlertStatus.FIRING


class TestAlertEmailsOptIn:
    def test_a_user_turns_alert_emails_on_in_their_profile(self, viewer_client, viewer):
        me = assert_ok(viewer_client.put("/api/v1/auth/me", {"alert_emails": True}, format="json"))
        assert me["alert_emails"] is True
        viewer.refresh_from_db()
        assert viewer.alert_emails is True
        assert_error(viewer_client.put("/api/v1/auth/me", {"alert_emails": "on"}, format="json"), 400)
