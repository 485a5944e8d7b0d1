"""End to end: an alert raised by a real agent's samples reaches people through every layer.

A real daphne hub (its embedded worker running the real jobs), a real agent, everything
configured over the REST API as an admin would: an email provider pointed at an SMTP server
(aiosmtpd) on 127.0.0.1, a webhook channel pointed at an HTTP receiver on 127.0.0.1, the
admin's own email channel, a threshold and a route. The agent's samples breach the threshold;
``alerts.route`` groups the alert and sends the notification; ``notifications.deliver`` hands
each delivery to the transports; the receivers get them. The alert's timeline and the
notification's deliveries then say what happened.
"""

from __future__ import annotations

import json
from email import message_from_bytes

import pytest

from tests.e2e.helpers import call, rest, wait_for
from tests.live import Agent, live_hub, setup_fleet
from tests.notifications.conftest import SMTP_PASSWORD, SMTP_USER

pytestmark = pytest.mark.slow


def created(hub, token, path, body):
    status, answer = call(hub.url, token, "POST", path, body)
    assert status == 201, answer
    return answer["data"]


def test_a_routed_alert_reaches_the_smtp_server_and_the_webhook_receiver(tmp_path, receiver, smtp_server):
    with live_hub(tmp_path, OUTGOING_ALLOW_PRIVATE="true") as hub:
        fleet = setup_fleet(hub, name="db-01", hostname="db-01.local")
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        me = rest(hub.url, token, "/auth/me")

        status, answer = call(hub.url, token, "PUT", "/clients/email-providers", {
            "provider": "smtp", "host": smtp_server.host, "port": smtp_server.port, "security": "none",
            "username": SMTP_USER, "password": SMTP_PASSWORD, "from_email": "ChatOps <hub@example.com>",
        })  # fmt: skip
        assert status == 200, answer
        hook = created(hub, token, "/notification-channels", {
            "name": "ops hook", "kind": "webhook", "target": receiver.url("/ops"),
        })  # fmt: skip
        created(hub, token, "/notification-channels", {"name": "my mail", "kind": "email", "target": me["email"]})
        threshold = created(hub, token, "/alerts/thresholds", {
            "name": "Up at all", "metric": "uptime_seconds", "operator": ">", "value": 0,
            "duration_seconds": 0, "severity": "critical", "scope": "server", "server": server_id,
        })  # fmt: skip
        created(hub, token, "/alert-routes", {
            "name": "db on-call", "thresholds": [threshold["id"]], "users": [me["id"]], "channels": [hook["id"]],
            "group_wait_seconds": 0,
        })  # fmt: skip

        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            wait_for(lambda: receiver.requests, timeout=60, what="the webhook receiver to be called")
            wait_for(lambda: smtp_server.inbox.messages, timeout=30, what="the SMTP server to get the mail")
        finally:
            agent.stop()

        [posted] = receiver.requests
        assert posted.path == "/ops"
        body = json.loads(posted.body)
        assert body["type"] == "alert.firing" and body["severity"] == "critical"
        assert "Up at all" in body["subject"] and "db-01" in body["content"]

        [(sender, to, raw)] = smtp_server.inbox.messages
        assert smtp_server.inbox.logins == [SMTP_USER]  # the provider's credentials, not EMAIL_*
        assert sender == "hub@example.com" and to == [me["email"]]
        mail = message_from_bytes(raw)
        assert "Up at all" in mail["Subject"]
        assert "db-01" in mail.get_payload(decode=True).decode()

        [alert] = rest(hub.url, token, "/alerts?kind=threshold")
        timeline = rest(hub.url, token, f"/alerts/{alert['id']}/timeline")
        [told] = [entry for entry in timeline if entry["route"] is not None]
        assert told["route"]["name"] == "db on-call"
        assert sorted(d["status"] for d in told["deliveries"]) == ["delivered"] * 3, told
        [notification] = rest(hub.url, token, "/notifications?type=alert.firing")
        detail = rest(hub.url, token, f"/notifications/{notification['id']}")
        by_kind = {d["kind"]: d["status"] for d in detail["deliveries"]}
        assert by_kind == {"webhook": "delivered", "email": "delivered", "inapp": "delivered"}, detail["deliveries"]
        assert detail["status"] == "sent"
