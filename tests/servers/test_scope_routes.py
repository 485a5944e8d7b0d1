"""Teams scope every route about a server: once a team exists, a non-admin outside every team
whose scope covers the server (``outsider``: in another team; ``loner``: in none) gets 404 for
it and everything about it, as for a server that does not exist; a member of a team that
covers it (``insider``) gets what their role allows. Lists leave out what is outside."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from accounts.choices import Role
from accounts.models import Team, User
from agents.models import CommandHistory
from alerts.models import Alert, Threshold
from approvals.models import Approval
from monitoring.models import CustomMetric
from servers.models import Server
from tests.factories import UserFactory, tagged_server
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
NOT_FOUND = (404, "not_found")


@pytest.fixture
def web(admin) -> Server:
    return tagged_server("web-1", "web")


@pytest.fixture
def dbs(admin) -> Server:
    return tagged_server("db-1", "db")


@pytest.fixture
def insider(db) -> User:
    return UserFactory.create(username="ines", role=Role.OPERATOR)


@pytest.fixture
def outsider(db) -> User:
    """An operator in another team (so a team exists, and they see the db servers)."""
    return UserFactory.create(username="oscar", role=Role.OPERATOR)


@pytest.fixture
def loner(db) -> User:
    """An operator in no team at all."""
    return UserFactory.create(username="lone", role=Role.OPERATOR)


@pytest.fixture(autouse=True)
def teams(insider, outsider, loner, web, dbs) -> None:
    Team.objects.create(name="Web", tags=["web"]).members.add(insider)
    Team.objects.create(name="DB", tags=["db"]).members.add(outsider)


@pytest.fixture
def history(web, insider) -> CommandHistory:
    return CommandHistory.objects.create(server=web, requested_by=insider, command="uptime", status="succeeded")


@pytest.fixture
def alert(web) -> Alert:
    return Alert.objects.create(
        server=web, name="High CPU", metric="cpu_percent", operator=">", threshold_value=90.0, severity="critical",
        value=95.0, peak_value=97.0, message="cpu_percent > 90: 95", started_at=T0,
    )  # fmt: skip


@pytest.fixture
def threshold(web) -> Threshold:
    return Threshold.objects.create(name="web cpu", metric="cpu_percent", operator=">", value=90, scope="server",
                                    server=web)  # fmt: skip


@pytest.fixture
def approval(web, admin) -> Approval:
    return Approval.objects.create(
        kind="run", summary=f"Run uptime on {web.name}", payload={"server_id": web.pk, "command": "uptime"},
        server=web, requested_by=admin, requested_via="api", expires_at=timezone.now() + timedelta(minutes=15),
    )  # fmt: skip


def scoped(ok: int | tuple[int, str] = 200) -> dict[str, int | tuple[int, str]]:
    return {"admin": ok, "insider": ok, "outsider": NOT_FOUND, "loner": NOT_FOUND}


def alert_untouched(outcome):
    assert Alert.objects.get().status == "firing"


def approval_untouched(outcome):
    assert Approval.objects.get().status == "pending"


def no_command_ran(outcome):
    assert not CommandHistory.objects.exists()


ROUTES = RoleMatrix(
    Route("GET", "/api/v1/servers/{web.pk}", expect=scoped()),
    Route("GET", "/api/v1/metrics/{web.pk}", expect=scoped()),
    Route("GET", "/api/v1/metrics/{web.pk}/history", body={"metric": "cpu_percent"}, expect=scoped()),
    Route("GET", "/api/v1/logs/{web.pk}", expect=scoped()),
    Route("GET", "/api/v1/commands/{web.pk}", expect=scoped()),
    Route("GET", "/api/v1/commands/{web.pk}/{history.pk}", expect=scoped()),
    Route(
        "POST",
        "/api/v1/commands/{web.pk}",
        body={"command": "uptime"},
        expect={**scoped((409, "agent_offline"))},
        unchanged=no_command_ran,
    ),
    Route("GET", "/api/v1/docker/{web.pk}/containers", expect=scoped((409, "agent_offline"))),
    Route(
        "POST",
        "/api/v1/docker/{web.pk}/containers/nginx/restart",
        expect=scoped((409, "agent_offline")),
        unchanged=no_command_ran,
    ),
    Route("GET", "/api/v1/docker/{web.pk}/containers/nginx/logs", expect=scoped((409, "agent_offline"))),
    Route("GET", "/api/v1/alerts/{alert.pk}", expect=scoped()),
    Route("POST", "/api/v1/alerts/{alert.pk}/acknowledge", body={}, expect=scoped(), unchanged=alert_untouched),
    Route("POST", "/api/v1/alerts/{alert.pk}/resolve", body={}, expect=scoped(), unchanged=alert_untouched),
    Route("GET", "/api/v1/alerts/thresholds/{threshold.pk}", expect=scoped()),
    Route("GET", "/api/v1/approvals/{approval.pk}", expect=scoped()),
    Route(
        "POST",
        "/api/v1/approvals/{approval.pk}/deny",
        body={},
        expect={"insider": 200, "outsider": NOT_FOUND, "loner": NOT_FOUND},
        unchanged=approval_untouched,
    ),
)


@ROUTES.parametrize
def test_an_outsider_gets_404_and_an_insider_what_their_role_allows(request, case):
    case.check(request)


def listed(client, url: str, key: str = "id", **query: str) -> list:
    return [item[key] for item in assert_ok(client.get(url, query))]


class TestLists:
    def test_lists_leave_out_what_is_outside_the_scope(
        self, client_for, insider, outsider, loner, web, dbs, alert, threshold, approval
    ):
        other_alert = Alert.objects.create(**{**_fields(alert), "server": dbs})
        inside, outside, alone = client_for(insider), client_for(outsider), client_for(loner)
        assert listed(inside, "/api/v1/servers") == [web.pk]
        assert listed(outside, "/api/v1/servers") == [dbs.pk]
        assert listed(alone, "/api/v1/servers") == []
        assert listed(inside, "/api/v1/alerts") == [alert.pk]
        assert listed(outside, "/api/v1/alerts") == [other_alert.pk]
        assert threshold.pk in listed(inside, "/api/v1/alerts/thresholds")
        assert threshold.pk not in listed(outside, "/api/v1/alerts/thresholds")
        assert listed(inside, "/api/v1/approvals") == [approval.pk]
        assert listed(outside, "/api/v1/approvals") == []
        assert listed(outside, "/api/v1/alerts", server=str(web.pk)) == []

    def test_custom_metrics_of_a_server_are_its_teams_and_free_ones_everyones(self, client_for, insider, outsider, web):
        CustomMetric.objects.create(name="deploys", value=1, ts=timezone.now(), server=web)
        CustomMetric.objects.create(name="deploys", value=2, ts=timezone.now())
        assert sorted(listed(client_for(insider), "/api/v1/metrics", "value")) == [1.0, 2.0]
        assert listed(client_for(outsider), "/api/v1/metrics", "value") == [2.0]
        history = assert_ok(client_for(outsider).get("/api/v1/metrics/custom/history", {"name": "deploys"}))
        assert sum(point["count"] for point in history["points"]) == 1

    def test_recent_metrics_cover_only_the_scope(self, client_for, insider, web, dbs):
        from monitoring.models import MetricRollup

        bucket = timezone.now().replace(second=0, microsecond=0) - timedelta(minutes=2)
        for server in (web, dbs):
            MetricRollup.objects.create(
                server=server, metric="cpu_percent", resolution=60, bucket=bucket, sum=10, count=1, min=10, max=10
            )
        assert listed(client_for(insider), "/api/v1/metrics/recent", "server_id") == [web.pk]

    def test_points_about_a_server_outside_the_scope_are_refused_as_unknown(self, client_for, outsider, web, dbs):
        body = {"metrics": [{"name": "deploys", "value": 1, "server": web.pk}]}
        response = client_for(outsider).post("/api/v1/metrics", body, format="json")
        errors = assert_error(response, 400, "validation_error")["errors"]
        assert errors[0]["field"] == "metrics.0.server" and "does not exist" in errors[0]["message"]
        ok = {"metrics": [{"name": "deploys", "value": 1, "server": dbs.pk}]}
        assert assert_ok(client_for(outsider).post("/api/v1/metrics", ok, format="json"), 201)["accepted_count"] == 1
        assert list(CustomMetric.objects.values_list("server_id", flat=True)) == [dbs.pk]

    def test_the_whole_fleet_again_once_the_last_team_is_gone(self, client_for, loner, web, dbs):
        Team.objects.all().delete()
        assert sorted(listed(client_for(loner), "/api/v1/servers")) == sorted([web.pk, dbs.pk])
        assert_ok(client_for(loner).get(f"/api/v1/servers/{web.pk}"))


def _fields(alert: Alert) -> dict:
    keep = ("name", "metric", "operator", "threshold_value", "severity", "value", "peak_value", "message", "started_at")
    return {name: getattr(alert, name) for name in keep}
