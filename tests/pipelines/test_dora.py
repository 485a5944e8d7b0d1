"""DORA on a generated history, against figures computed by hand below, and each diagnostic
produced by the situation it explains."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accounts.actor import Actor
from alerts.models import Alert
from pipelines import dora
from pipelines.models import Integration
from pipelines.services.integrations import create_integration
from servers.models import Server
from tests.helpers import assert_ok
from tests.pipelines.conftest import SECRET, deliver, payload

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 1, tzinfo=UTC)
END = datetime(2026, 11, 15, tzinfo=UTC)
LATER = datetime(2026, 11, 20, tzinfo=UTC)
H = 3600.0


def t(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@pytest.fixture
def ci(admin) -> Integration:
    integration, _ = create_integration(
        Actor.for_user(admin, "api"), name="Jenkins", provider="generic", secret=SECRET,
        server_mapping=[{"environment": "production", "hostnames": ["web-1"]}],
    )  # fmt: skip
    return integration


@pytest.fixture
def web(admin) -> Server:
    return Server.objects.create(name="web-1", hostname="web-1.acme.test", created_by=admin)


def commit(ci, sha: str, when: datetime) -> None:
    body = payload("generic/pipeline")
    body.update(id=f"build-{sha}", repository="acme/shop", status="success", timestamp=iso(when + timedelta(minutes=9)))
    body.update(started_at=iso(when + timedelta(minutes=1)), finished_at=iso(when + timedelta(minutes=9)), stages=[])
    body["commit"] = {"sha": sha, "message": f"change {sha}", "author": "dev@acme.test", "timestamp": iso(when)}
    deliver(ci, "", body)


def deploy(ci, name: str, finished: datetime, status: str = "success", sha: str = "", **extra) -> None:
    body = payload("generic/deployment")
    body.update(id=name, service="shop", environment="production", status=status, repository="acme/shop", sha=sha)
    body.update(timestamp=iso(finished), started_at=iso(finished - timedelta(minutes=5)), finished_at=iso(finished))
    body.pop("first_commit_at")
    body.update(extra)
    deliver(ci, "", body)


def alert(server: Server, fired: datetime, resolved: datetime | None) -> Alert:
    found = Alert.objects.create(
        server=server, name="cpu high", severity="critical", message="cpu > 90", started_at=fired,
        status="resolved" if resolved else "firing",
    )  # fmt: skip
    Alert.objects.filter(pk=found.pk).update(fired_at=fired, resolved_at=resolved)
    return found


@pytest.fixture
def history(ci, web):
    """The history the expectations below were worked out from by hand:

    commits (pipelines' head commits): c1 Nov 1 08:00, c2 Nov 2 09:00, c3 Nov 3 10:00,
    c4 Nov 3 12:00, c5 Nov 8 09:00, c6 Nov 10 10:00.

    D0 shop c0 success Oct 25 10:00 (the previous period; no pipeline reported c0).
    D1 shop c2 success Nov 2 12:00: the change is what came after D0 up to c2 (D0's commit is
       unknown, so after D0 finished): c1, c2 -> lead from c1, 28 h.
    D2 shop c4 success Nov 4 12:00: commits after c2 up to c4 are c3, c4 -> lead from c3, 26 h.
       An alert on web-1 fires Nov 4 12:30 (within 60 min) and resolves 14:30: a failure, 2 h.
    D3 shop c5 failed Nov 9 10:00: a failure, restored by D4 -> 28 h.
    D4 shop c6 success Nov 10 14:00: commits after c4 up to c6 are c5, c6 -> lead from c5, 53 h.
       An alert fires Nov 10 16:00: two hours later, outside the window, not a failure.
    D5 shop success Nov 12 10:00, first commit given as Nov 12 08:00 -> lead 2 h.
    D6 shop to staging Nov 12 11:00: another environment, not counted.
    D7 cart rolled back Nov 13 10:00: a failure, nothing restores it.
    """
    for sha, when in [("c1", t(1, 8)), ("c2", t(2, 9)), ("c3", t(3, 10)), ("c4", t(3, 12)), ("c5", t(8, 9)),
                      ("c6", t(10, 10))]:  # fmt: skip
        commit(ci, sha, when)
    deploy(ci, "D0", datetime(2026, 10, 25, 10, tzinfo=UTC), sha="c0")
    deploy(ci, "D1", t(2, 12), sha="c2")
    deploy(ci, "D2", t(4, 12), sha="c4")
    alert(web, t(4, 12, 30), t(4, 14, 30))
    deploy(ci, "D3", t(9, 10), status="failed", sha="c5")
    deploy(ci, "D4", t(10, 14), sha="c6")
    alert(web, t(10, 16), t(10, 17))
    deploy(ci, "D5", t(12, 10), first_commit_at=iso(t(12, 8)))
    deploy(ci, "D6", t(12, 11), environment="staging", sha="c6")
    deploy(ci, "D7", t(13, 10), status="rolled_back", service="cart")


def report(**kwargs):
    return dora.report(dora.Query(start=START, end=END, environment="production", **kwargs), now=LATER)


def test_the_figures_match_the_hand_computed_history(history):
    found = report()
    assert found["deployments"] == 6
    assert found["successful_deployments"] == 4
    assert found["deployment_frequency"] == pytest.approx(4 / 14)
    assert found["lead_time"] == (26 * H + 28 * H) / 2  # median of 28, 26, 53, 2 hours
    assert found["failures"] == 3
    assert found["change_failure_rate"] == 0.5
    assert found["time_to_restore"] == (2 * H + 28 * H) / 2  # D2's alert, D3's next deploy; D7 open
    week1, week2 = found["trend"]
    assert (week1["deployments"], week1["lead_time"], week1["change_failure_rate"], week1["time_to_restore"]) == (
        2, (28 * H + 26 * H) / 2, 0.5, 2 * H,
    )  # fmt: skip
    assert week1["deployment_frequency"] == pytest.approx(2 / 7)
    assert (week2["deployments"], week2["lead_time"], week2["change_failure_rate"], week2["time_to_restore"]) == (
        4, (53 * H + 2 * H) / 2, 0.5, 28 * H,
    )  # fmt: skip
    by_service = {s["service"]: s for s in found["by_service"]}
    assert by_service["cart"]["change_failure_rate"] == 1.0 and by_service["cart"]["time_to_restore"] is None
    assert by_service["shop"]["change_failure_rate"] == 0.4 and by_service["shop"]["time_to_restore"] == 15 * H
    previous = found["previous"]
    assert (previous["deployments"], previous["lead_time"]) == (1, None)
    assert [d["code"] for d in found["diagnostics"]] == ["unrestored_failures"]


def test_one_service_and_the_api(history, viewer_client):
    data = assert_ok(
        viewer_client.get(
            "/api/v1/dora",
            {"start": iso(START), "end": iso(END), "service": "shop", "bucket": "day"},
        )
    )
    assert (data["deployments"], data["failures"], data["change_failure_rate"]) == (5, 2, 0.4)
    assert data["lead_time"] == (28 * H + 26 * H) / 2
    assert len(data["trend"]) == 14 and data["trend"][1]["deployments"] == 1
    assert data["diagnostics"] == []


def test_a_wider_failure_window_counts_the_later_alert(history):
    found = report(window=timedelta(hours=3))
    assert found["failures"] == 4 and found["change_failure_rate"] == pytest.approx(4 / 6)


def codes(found) -> list[str]:
    return [d["code"] for d in found["diagnostics"]]


class TestDiagnostics:
    def test_no_integration(self, viewer_client):
        data = assert_ok(viewer_client.get("/api/v1/dora"))
        assert codes(data) == ["no_integrations"]
        assert data["deployment_frequency"] is None or data["deployments"] == 0

    def test_no_integration_sends_deployments(self, ci):
        commit(ci, "c1", t(2, 9))
        found = report()
        assert codes(found) == ["no_deployment_events"]
        assert "generic" in found["diagnostics"][0]["message"]

    def test_no_deployment_is_mapped_to_the_environment(self, ci):
        deploy(ci, "D1", t(2, 12), environment="prod")
        found = report()
        assert codes(found) == ["no_deployments_in_environment"]
        assert "'prod'" in found["diagnostics"][0]["message"]

    def test_nothing_finished_in_the_range(self, ci, web):
        deploy(ci, "D1", datetime(2026, 10, 2, tzinfo=UTC))
        assert codes(report()) == ["no_deployments_in_range"]

    def test_unfinished_deployments(self, ci, web):
        deploy(ci, "D1", t(2, 12))
        deploy(ci, "D2", t(3, 12), status="running")
        assert "unfinished_deployments" in codes(report())

    def test_commits_lack_timestamps(self, ci, web):
        deploy(ci, "D1", t(2, 12), sha="unknown-sha")
        found = report()
        assert found["lead_time"] is None
        assert "commits_lack_timestamps" in codes(found)

    def test_no_servers_mapped(self, admin):
        integration, _ = create_integration(Actor.for_user(admin, "api"), name="x", provider="generic", secret=SECRET)
        deploy(integration, "D1", t(2, 12), first_commit_at=iso(t(2, 8)))
        found = report()
        assert codes(found) == ["no_servers_mapped", "no_failures"]
        assert found["diagnostics"][0]["metrics"] == ["change_failure_rate", "time_to_restore"]

    def test_the_failure_window_is_still_open(self, ci, web):
        deploy(ci, "D1", t(14, 23, 30), first_commit_at=iso(t(14, 8)))
        found = dora.report(dora.Query(start=START, end=END, environment="production"), now=t(14, 23, 50))
        assert "failure_window_open" in codes(found)

    def test_no_failures(self, ci, web):
        deploy(ci, "D1", t(2, 12), first_commit_at=iso(t(2, 8)))
        found = report()
        assert codes(found) == ["no_failures"] and found["time_to_restore"] is None
        assert found["change_failure_rate"] == 0.0

    def test_unrestored_failures(self, ci, web):
        deploy(ci, "D1", t(2, 12), status="failed")
        found = report()
        assert codes(found) == ["unrestored_failures"]


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2026-11-10T00:00:00Z", "end": "2026-11-01T00:00:00Z"},
        {"start": "2024-01-01T00:00:00Z", "end": "2026-01-01T00:00:00Z"},
        {"bucket": "year"},
        {"start": "yesterday"},
        {"start": ""},
        {"end": " "},
        {"service": ""},
        {"environment": ""},
        {"bucket": ""},
        {"bucket": "month"},
    ],
)
def test_bad_ranges_are_400(viewer_client, query):
    from tests.helpers import assert_error

    assert_error(viewer_client.get("/api/v1/dora", query), 400)
