"""The seed's ``/api/v1/dashboard/{health,metrics,logs}``: figures of the fleet the caller sees
(a team's scope narrows it; a requester sees no server), from the stored samples and logs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import Team
from helpdesk.services import open_ticket
from monitoring.models import LatestSample, LogLine, MetricRollup
from servers.models import Tag
from tests.factories import ServerFactory, UserFactory
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, everyone, key

pytestmark = pytest.mark.django_db


@pytest.fixture
def fleet(admin):
    """Two servers: web (cpu 20, disk 50/90) and db (cpu 60, disk 30), each with a log line."""
    now = timezone.now()
    web, db = ServerFactory(name="web", hostname="web-1"), ServerFactory(name="db", hostname="db-1")
    web_values = {"cpu_percent": 20, "memory_percent": 40, "disk_percent:/": 50, "disk_percent:/data": 90}
    LatestSample.objects.create(server=web, ts=now, values={**web_values, "uptime_seconds": 7200})
    db_values = {"cpu_percent": 60, "memory_percent": 80, "disk_percent": 30, "uptime_seconds": 3600}
    LatestSample.objects.create(server=db, ts=now, values=db_values)
    minute = now.replace(second=0, microsecond=0) - timedelta(minutes=5)
    for server, cpu in ((web, 20.0), (db, 60.0)):
        MetricRollup.objects.create(server=server, metric="cpu_percent", resolution=60, bucket=minute,
                                    min=cpu, max=cpu, sum=cpu * 6, count=6)  # fmt: skip
    LogLine.objects.create(server=web, ts=now, level="error", source="nginx", message="upstream timed out")
    LogLine.objects.create(server=db, ts=now - timedelta(seconds=1), level="info", source="postgres", message="ready")
    return web, db


ROLES = RoleMatrix(
    Route("GET", "/api/v1/dashboard/health", expect=everyone(200), uses=("fleet",)),
    Route("GET", "/api/v1/dashboard/metrics", body={"hours": 1}, expect=everyone(200)),
    Route("GET", "/api/v1/dashboard/logs", expect={**everyone(200), key("viewer", "metrics:read"): 200,
                                                  key("viewer", "alerts:read"): (403, "insufficient_scope")}),
)  # fmt: skip


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_health_averages_the_visible_fleet(client_for, viewer, fleet):
    data = assert_ok(client_for(viewer).get("/api/v1/dashboard/health"))
    assert data == {"cpu_usage": 40.0, "memory_usage": 60.0, "disk_usage": 60.0, "uptime_hours": 1.5,
                    "active_alerts": 0, "open_tickets": 0, "servers": 2, "reporting": 2}  # fmt: skip


def test_a_team_scope_narrows_the_figures(client_for, viewer, fleet):
    web, _db = fleet
    web.tags.add(Tag.objects.create(name="web"))
    team = Team.objects.create(name="Web", tags=["web"])
    team.members.add(viewer)
    data = assert_ok(client_for(viewer).get("/api/v1/dashboard/health"))
    assert (data["cpu_usage"], data["servers"]) == (20.0, 1)
    logs = assert_ok(client_for(viewer).get("/api/v1/dashboard/logs"))
    assert [line["hostname"] for line in logs] == ["web-1"]


def test_a_requester_sees_no_fleet_but_their_open_tickets(client_for, fleet):
    requester = UserFactory.create(role="requester")
    open_ticket(Actor.for_user(requester, "api"), title="help", description="", category="other")
    data = assert_ok(client_for(requester).get("/api/v1/dashboard/health"))
    assert (data["cpu_usage"], data["servers"], data["open_tickets"]) == (None, 0, 1)
    assert assert_ok(client_for(requester).get("/api/v1/dashboard/logs")) == []


def test_metrics_carry_the_fleet_history_and_recent_items(client_for, admin, fleet):
    open_ticket(Actor.for_user(admin, "api"), title="Disk on web", description="", category="hardware_issue")
    data = assert_ok(client_for(admin).get("/api/v1/dashboard/metrics", {"hours": 1}))
    assert [p["value"] for p in data["cpu_history"]] == [40.0]
    assert data["memory_history"] == [] and data["system_health"]["servers"] == 2
    assert [t["title"] for t in data["recent_tickets"]] == ["Disk on web"]


def test_logs_filter_by_level_source_and_limit(client_for, admin, fleet):
    client = client_for(admin)
    assert [x["message"] for x in assert_ok(client.get("/api/v1/dashboard/logs", {"level": "ERROR"}))] == [
        "upstream timed out"
    ]
    assert [x["source"] for x in assert_ok(client.get("/api/v1/dashboard/logs", {"source": "postgres"}))] == [
        "postgres"
    ]
    assert len(assert_ok(client.get("/api/v1/dashboard/logs", {"limit": 1}))) == 1
    line = assert_ok(client.get("/api/v1/dashboard/logs"))[0]
    assert set(line) == {"id", "level", "message", "source", "hostname", "server", "timestamp", "metadata"}


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("metrics", {"hours": 0}),
        ("metrics", {"hours": "day"}),
        ("metrics", {"hours": 100000}),
        ("logs", {"limit": 0}),
        ("logs", {"limit": 5000}),
        ("logs", {"level": "loud"}),
    ],
)
def test_bad_queries_are_400(client_for, viewer, path, query):
    assert_error(client_for(viewer).get(f"/api/v1/dashboard/{path}", query), 400, "validation_error")
