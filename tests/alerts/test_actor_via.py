"""The alert services take an Actor: the audit entry says where the change came in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import AuditLog
from alerts.models import Alert

pytestmark = pytest.mark.django_db


def test_a_threshold_made_through_the_api_is_audited_as_via_api(admin_client):
    body = {"name": "High CPU", "metric": "cpu_percent", "operator": ">", "value": 90, "scope": "all"}
    assert admin_client.post("/api/v1/alerts/thresholds", body, format="json").status_code == 201
    entry = AuditLog.objects.get(action="threshold.created")
    assert (entry.via, entry.actor_label) == ("api", "ada")


def test_an_alert_acknowledged_in_the_admin_is_audited_as_via_admin(console, server):
    alert = Alert.objects.create(
        server=server, name="High CPU", metric="cpu_percent", severity="critical", started_at="2026-11-20T12:00Z"
    )
    url = reverse("admin:alerts_alert_changelist")
    console.post(url, {"action": "acknowledge", "_selected_action": [alert.pk]})
    entry = AuditLog.objects.get(action="alert.acknowledged")
    assert entry.via == "admin" and entry.actor_id is not None
