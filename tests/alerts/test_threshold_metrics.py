"""A threshold names a metric something reports (or one marked expected later), and thresholds
and alerts say what their metric is for people: its label and unit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.models import Threshold
from monitoring.ingest import record_samples
from monitoring.models import CustomMetric
from tests.alerts.test_admin import FORM
from tests.alerts.test_admin import url as admin_page
from tests.alerts.test_alerts_api import BODY, URL, make_alert
from tests.helpers import assert_error, assert_ok
from tests.monitoring.test_metrics_api import frame

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


class TestMetricMustExist:
    @pytest.mark.parametrize("metric", ["cpu", "disk_percent:/hmoe", "temperature_celsius", "deploy_seconds"])
    def test_a_metric_nothing_reports_is_a_400_naming_the_field(self, admin_client, metric):
        body = assert_error(admin_client.post(URL, {**BODY, "metric": metric}, format="json"), 400, "validation_error")
        assert [e["field"] for e in body["errors"]] == ["metric"]
        assert "metric_expected" in body["errors"][0]["message"]
        assert not Threshold.objects.exists()

    def test_agent_metrics_reported_devices_and_custom_metrics_are_taken(self, admin_client, server):
        record_samples([frame(server, 1, T0, **{"disk_percent:/home": 41.0})])
        CustomMetric.objects.create(name="deploy_seconds", value=1, unit="s", ts=T0)
        for i, metric in enumerate(["memory_percent", "disk_percent:/home", "deploy_seconds"]):
            made = assert_ok(admin_client.post(URL, {**BODY, "name": f"t{i}", "metric": metric}, format="json"), 201)
            assert (made["metric"], made["metric_expected"]) == (metric, False)

    def test_a_metric_marked_expected_later_is_taken(self, admin_client):
        made = assert_ok(
            admin_client.post(URL, {**BODY, "metric": "backup_age_seconds", "metric_expected": True}, format="json"),
            201,
        )
        assert made["metric_expected"] is True
        # Its other fields change freely; unmarking it while nothing reports it is refused.
        assert_ok(admin_client.patch(f"{URL}/{made['id']}", {"value": 95}, format="json"))
        body = assert_error(admin_client.patch(f"{URL}/{made['id']}", {"metric_expected": False}, format="json"), 400)
        assert [e["field"] for e in body["errors"]] == ["metric"]
        assert_error(
            admin_client.patch(f"{URL}/{made['id']}", {"metric": "cpu", "metric_expected": False}, format="json"), 400
        )
        assert_ok(
            admin_client.patch(
                f"{URL}/{made['id']}", {"metric": "cpu_percent", "metric_expected": False}, format="json"
            )
        )

    def test_a_stored_metric_nothing_reports_any_more_does_not_block_other_changes(self, admin_client):
        threshold = Threshold.objects.create(name="old", metric="gone_metric", operator=">", value=1)
        assert_ok(
            admin_client.put(f"{URL}/{threshold.pk}", {**BODY, "name": "old", "metric": "gone_metric"}, format="json")
        )

    @pytest.mark.parametrize("expected", ["yes", None, 1])
    def test_metric_expected_must_be_a_boolean(self, admin_client, expected):
        body = assert_error(admin_client.post(URL, {**BODY, "metric_expected": expected}, format="json"), 400)
        assert "metric_expected" in [e["field"] for e in body["errors"]]

    def test_only_admins_write_and_a_missing_threshold_is_404(self, operator_client, viewer_client, admin_client, anon):
        body = {**BODY, "metric": "later_metric", "metric_expected": True}
        for client in (operator_client, viewer_client):
            assert_error(client.post(URL, body, format="json"), 403)
        assert_error(anon.post(URL, body, format="json"), 401)
        assert_error(admin_client.patch(f"{URL}/999999", {"metric_expected": True}, format="json"), 404)

    def test_the_admin_console_refuses_an_unknown_metric_too(self, console):
        response = console.post(admin_page("threshold", "add"), {**FORM, "metric": "cpu"})
        assert response.status_code == 200
        assert "metric" in response.context["adminform"].form.errors
        response = console.post(admin_page("threshold", "add"), {**FORM, "metric": "cpu", "metric_expected": "on"})
        assert response.status_code == 302
        assert Threshold.objects.get().metric_expected is True


class TestLabelsAndUnits:
    def test_thresholds_and_alerts_carry_the_metric_label_and_unit(self, viewer_client, server):
        CustomMetric.objects.create(name="deploy_seconds", value=1, unit="min", ts=T0)
        threshold = Threshold.objects.create(name="disk", metric="disk_percent:/home", operator=">", value=90)
        shown = assert_ok(viewer_client.get(f"{URL}/{threshold.pk}"))
        assert (shown["metric_label"], shown["metric_unit"]) == ("Disk used (/home)", "%")
        make_alert(server, metric="net_rx_bytes_per_s", value=86.55000000000001)
        make_alert(server, metric="deploy_seconds", started_at=T0.replace(hour=13))
        make_alert(
            server, kind="server.offline", metric="", operator="", threshold_value=None, started_at=T0.replace(hour=14)
        )
        alerts = assert_ok(viewer_client.get("/api/v1/alerts"))
        assert [(a["metric_label"], a["metric_unit"]) for a in alerts] == [
            ("", ""), ("deploy_seconds", "min"), ("Network in", "bytes/s")
        ]  # fmt: skip
        assert alerts[2]["value"] == 86.55000000000001  # full precision: rounding is for display
