"""The admin as the console for thresholds and alerts: writes go through the services."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accounts.models import AuditLog
from alerts.models import Alert, AlertStatus, EmailNotification, Threshold
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

FORM = {
    "name": "High load",
    "metric": "load_1",
    "operator": ">",
    "value": "8",
    "duration_seconds": "120",
    "clear_value": "6",
    "severity": "warning",
    "scope": "all",
    "server": "",
    "tag": "",
    "enabled": "on",
    "repeat_interval_seconds": "0",
}


def url(model, view, *args):
    return admin_url("alerts", model, view, *args)


@pytest.mark.parametrize("model", ["threshold", "alert", "emailnotification"])
def test_pages_open_for_admins(console, model, server):
    Alert.objects.create(server=server, name="x", severity="info", message="m", started_at=T0)
    assert console.get(url(model, "changelist")).status_code == 200
    assert console.get(url(model, "changelist"), {"q": "x"}).status_code == 200


def test_a_threshold_added_and_changed_in_the_console_is_audited(console):
    response = console.post(url("threshold", "add"), FORM)
    assert response.status_code == 302, response.content
    threshold = Threshold.objects.get()
    assert (threshold.metric, threshold.clear_value) == ("load_1", 6.0)
    response = console.post(url("threshold", "change", threshold.pk), {**FORM, "value": "9"})
    assert response.status_code == 302
    threshold.refresh_from_db()
    assert threshold.value == 9.0
    actions = sorted(AuditLog.objects.filter(action__startswith="threshold.").values_list("action", flat=True))
    assert actions == ["threshold.created", "threshold.updated"]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"clear_value": "10"}, "clear_value"), ({"scope": "server"}, "server"), ({"name": "HIGH LOAD"}, "name")],
)
def test_the_console_refuses_what_the_api_refuses(console, change, field):
    Threshold.objects.create(name="High load", metric="x", operator=">", value=1)
    response = console.post(url("threshold", "add"), {**FORM, **change})
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert Threshold.objects.count() == 1


def test_alerts_are_acknowledged_and_resolved_by_action(console, server):
    alert = Alert.objects.create(server=server, name="x", severity="info", message="m", started_at=T0)
    console.post(url("alert", "changelist"), {"action": "acknowledge", "_selected_action": [alert.pk]})
    alert.refresh_from_db()
    assert alert.status == AlertStatus.ACKNOWLEDGED
    console.post(url("alert", "changelist"), {"action": "acknowledge", "_selected_action": [alert.pk]})
    console.post(url("alert", "changelist"), {"action": "resolve", "_selected_action": [alert.pk]})
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED
    assert set(AuditLog.objects.values_list("action", flat=True)) >= {"alert.acknowledged", "alert.resolved"}
    assert not EmailNotification.objects.exists()  # nobody opted in
