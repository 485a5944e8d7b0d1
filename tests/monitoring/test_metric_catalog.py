"""The metric catalogue (what a threshold may watch, with labels and units) and a custom
metric's bucketed history, over REST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accounts.services import create_api_key
from monitoring.ingest import record_samples
from monitoring.models import CustomMetric
from tests.accounts.test_key_scopes import bearer
from tests.helpers import assert_error, assert_ok
from tests.monitoring.test_metrics_api import frame

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CATALOG = "/api/v1/metrics/catalog"
HISTORY = "/api/v1/metrics/custom/history"


def point(name: str, value: float, at: datetime, unit: str = "", server=None, **tags: str) -> CustomMetric:
    return CustomMetric.objects.create(name=name, value=value, unit=unit, ts=at, tags=tags, server=server)


class TestCatalog:
    def test_lists_agent_metrics_what_the_fleet_reports_and_custom_metrics(self, viewer_client, server):
        record_samples([frame(server, 1, T0, cpu_percent=3.0, **{"disk_percent:/home": 41.0})])
        point("deploy_seconds", 42, T0, unit="s", env="prod")
        point("deploy_seconds", 40, T0 + timedelta(minutes=1), unit="s", server=server, env="dev")
        point("deploy_seconds", 38, T0 - timedelta(minutes=1), unit="ms", env="prod")
        point("deploy_seconds", 39, T0 + timedelta(minutes=2), unit="s", server=server, env="prod")
        entries = {(e["kind"], e["name"]): e for e in assert_ok(viewer_client.get(CATALOG))}
        assert entries[("server", "cpu_percent")] == {
            "name": "cpu_percent", "label": "CPU", "unit": "%", "kind": "server", "servers": 1, "tag_sets": []
        }  # fmt: skip
        assert entries[("server", "disk_percent:/home")]["label"] == "Disk used (/home)"
        # An agent metric nothing reports yet is offered still (a hub before its first agent).
        assert entries[("server", "net_rx_bytes_per_s")]["servers"] == 0
        assert entries[("server", "net_rx_bytes_per_s")]["unit"] == "bytes/s"
        assert ("server", "temperature_celsius") not in entries  # only ever reported per sensor
        custom = entries[("custom", "deploy_seconds")]
        assert (custom["label"], custom["unit"], custom["servers"]) == ("deploy_seconds", "s", 1)
        assert custom["tag_sets"] == [{"env": "dev"}, {"env": "prod"}]

    def test_needs_credentials(self, anon):
        assert_error(anon.get(CATALOG), 401)

    def test_every_role_reads_it(self, operator_client, admin_client):
        for client in (operator_client, admin_client):
            assert any(e["name"] == "cpu_percent" for e in assert_ok(client.get(CATALOG)))


@pytest.mark.parametrize("url", [CATALOG, f"{HISTORY}?name=q"])
def test_a_key_reads_them_with_metrics_read_and_only_with_it(viewer, url):
    point("q", 1, datetime.now(UTC))
    assert_ok(bearer(create_api_key(None, viewer, name="metrics", scopes=["metrics:read"])[1]).get(url))
    other = bearer(create_api_key(None, viewer, name="alerts", scopes=["alerts:read"])[1])
    assert_error(other.get(url), 403)


class TestCustomHistory:
    def test_buckets_by_name_and_tags_in_the_server_history_shape(self, viewer_client):
        for minute in range(10):
            point("queue_depth", float(minute), T0 + timedelta(minutes=minute), unit="jobs", queue="mail")
            point("queue_depth", 100.0, T0 + timedelta(minutes=minute, seconds=30), unit="jobs", queue="sms")
        query = {"name": "queue_depth", "start": T0.isoformat(), "end": (T0 + timedelta(minutes=10)).isoformat()}
        data = assert_ok(viewer_client.get(HISTORY, {**query, "tags": "queue:mail", "points": 5}))
        assert (data["name"], data["tags"], data["unit"], data["source"]) == (
            "queue_depth",
            {"queue": "mail"},
            "jobs",
            "raw",
        )
        assert data["bucket_seconds"] == 120
        assert data["points"][0] == {"ts": "2026-11-20T12:00:00Z", "avg": 0.5, "min": 0.0, "max": 1.0, "count": 2}
        assert [p["ts"] for p in data["points"]][-1] == "2026-11-20T12:08:00Z"
        every = assert_ok(viewer_client.get(HISTORY, {**query, "points": 1}))
        assert every["points"] == [
            {"ts": every["points"][0]["ts"], "avg": 52.25, "min": 0.0, "max": 100.0, "count": 20}
        ]
        assert assert_ok(viewer_client.get(HISTORY, {**query, "tags": "queue:none"}))["points"] == []

    def test_the_default_range_is_the_last_hour(self, viewer_client):
        point("queue_depth", 3, datetime.now(UTC) - timedelta(minutes=5))
        point("queue_depth", 9, datetime.now(UTC) - timedelta(hours=2))
        data = assert_ok(viewer_client.get(HISTORY, {"name": "queue_depth"}))
        assert [p["avg"] for p in data["points"]] == [3.0]

    def test_unknown_name_is_404(self, viewer_client):
        point("queue_depth", 3, T0)
        assert_error(viewer_client.get(HISTORY, {"name": "queue_dpeth"}), 404)

    def test_needs_credentials(self, anon):
        assert_error(anon.get(HISTORY, {"name": "queue_depth"}), 401)

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ({}, "name"),
            ({"name": "Queue Depth"}, "name"),
            ({"name": "q", "tags": "queue"}, "tags"),
            ({"name": "q", "tags": "a__b:c"}, "tags"),
            ({"name": "q", "points": 0}, "points"),
            ({"name": "q", "points": 2001}, "points"),
            ({"name": "q", "start": "2026-11-20T12:00:00Z", "end": "2026-11-20T11:00:00Z"}, "start"),
            ({"name": "q", "start": "yesterday"}, "start"),
        ],
    )
    def test_bad_queries_are_400_naming_the_field(self, viewer_client, query, field):
        point("q", 1, T0)
        body = assert_error(viewer_client.get(HISTORY, query), 400)
        assert field in [e["field"] for e in body["errors"]], body

    def test_a_parameter_given_twice_is_400(self, viewer_client):
        assert_error(viewer_client.get(f"{HISTORY}?name=q&name=r"), 400)
