"""Alerts reach webhooks: a real receiver on localhost gets signed alert.created,
alert.acknowledged, alert.resolved, server.offline and server.online deliveries that verify."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import pytest

from alerts.models import Alert, Threshold
from alerts.services import evaluate_offline
from tests.alerts.test_evaluation import T0, Feed
from tests.webhooks.conftest import SECRET, allow_private, hook_to, receiver  # noqa: F401 - fixtures
from webhooks.jobs import deliver_due

pytestmark = pytest.mark.django_db


def delivered(got):
    out = []
    for request in got.requests:
        expected = "sha256=" + hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        assert request.headers["X-Webhook-Signature"] == expected
        body = json.loads(request.body)
        assert request.headers["X-Webhook-Event"] == body["event"]
        out.append(body)
    return out


def test_an_alerts_life_is_delivered_signed(server, receiver, allow_private, hook_to, operator_client):  # noqa: F811
    hook_to(receiver.url(), events=["alert.created", "alert.acknowledged", "alert.resolved"])
    hook_to(receiver.url("/created-only"), events=["alert.created"])
    Threshold.objects.create(name="Hot", metric="cpu_percent", operator=">", value=90, clear_value=80)
    feed = Feed(server)
    feed(0, cpu_percent=95)
    alert = Alert.objects.get()
    assert operator_client.post(f"/api/v1/alerts/{alert.pk}/acknowledge", {}, format="json").status_code == 200
    feed(1, cpu_percent=50)
    while deliver_due():
        pass
    bodies = delivered(receiver)
    by_path = [(r.path, b["event"]) for r, b in zip(receiver.requests, bodies, strict=True)]
    assert sorted(by_path) == sorted(
        [
            ("/hook", "alert.created"),
            ("/created-only", "alert.created"),
            ("/hook", "alert.acknowledged"),
            ("/hook", "alert.resolved"),
        ]
    )
    resolved = next(b for b in bodies if b["event"] == "alert.resolved")
    assert resolved["data"]["alert"]["id"] == alert.pk
    assert resolved["data"]["alert"]["status"] == "resolved"
    assert resolved["data"]["alert"]["server_name"] == server.name
    assert set(resolved) == {"event", "timestamp", "data"}


def test_a_silent_server_is_delivered_as_server_offline_then_online(server, receiver, allow_private, hook_to, settings):  # noqa: F811
    settings.ALERTS_OFFLINE_AFTER_SECONDS = 60
    hook_to(receiver.url(), events=["server.offline", "server.online"])
    type(server).objects.filter(pk=server.pk).update(last_seen=T0)
    evaluate_offline(now=T0 + timedelta(seconds=61))
    Feed(server)(120, cpu_percent=1)
    while deliver_due():
        pass
    bodies = delivered(receiver)
    assert [b["event"] for b in bodies] == ["server.offline", "server.online"]
    assert bodies[0]["data"]["server"] == {"id": server.pk, "name": server.name}
