"""``/api/v1/notifications``: admins send (201, delivered by the worker, never in the request),
everyone lists what they sent or received, each delivery shows how it went; analytics for admins."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AuditLog, Team
from notifications import jobs
from notifications.models import Delivery, Notification
from tests.helpers import assert_error, assert_ok
from tests.notifications.conftest import notify
from tests.roles import RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db

URL = "/api/v1/notifications"


@pytest.fixture
def sent(admin, viewer):
    """A notification the admin sent to the viewer, delivered."""
    from accounts.actor import Actor
    from notifications.services import Recipients, send

    notification = send(
        Actor.for_user(admin, "api"), type="deploy", subject="Deploy at 18:00", content="Be ready",
        recipients=Recipients(users=(viewer.pk,)),
    )  # fmt: skip
    jobs.deliver_due()
    return notification


def body(**extra):
    return {"subject": "Maintenance", "content": "The **database** restarts at 22:00.", **extra}


def nothing_sent(outcome):
    assert Notification.objects.filter(subject="Maintenance").count() == 0


ROLES = RoleMatrix(
    Route("GET", URL, expect=everyone(200)),
    Route("POST", URL, body=body(recipients={"addresses": ["ops@example.com"]}), unchanged=nothing_sent,
          expect={**allowed("admin", ok=201), key("admin", "notifications:read"): (403, "insufficient_scope"),
                  key("admin", "notifications:write"): 201, key("admin", "inbox:write"): (403, "insufficient_scope")}),
    # The recipient and the sender see it; others get 404, as if it did not exist.
    Route("GET", "/api/v1/notifications/{sent.pk}",
          expect={**everyone(404), "admin": 200, "viewer": 200, key("viewer", "notifications:read"): 200}),
    Route("GET", f"{URL}/999999", expect={"admin": (404, "not_found"), "viewer": (404, "not_found")}),
    Route("GET", f"{URL}/analytics", expect={**allowed("admin"), key("admin", "notifications:read"): 200}),
)  # fmt: skip


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestSend:
    def test_an_admin_sends_to_users_teams_channels_and_addresses(
        self, admin_client, admin, viewer, operator, channel_of
    ):
        team = Team.objects.create(name="db")
        team.members.add(operator)
        channel = channel_of(operator, kind="webhook", target="https://hooks.example.com/x")
        payload = body(
            type="maintenance",
            severity="warning",
            recipients={
                "users": [viewer.pk],
                "teams": [team.pk],
                "channels": [channel.pk],
                "addresses": ["A@Example.com"],
            },
        )
        data = assert_ok(admin_client.post(URL, payload, format="json"), 201)
        assert (data["type"], data["severity"], data["status"], data["finished_at"]) == (
            "maintenance", "warning", "pending", None,
        )  # fmt: skip
        assert data["created_by"] == {"id": admin.pk, "username": admin.username}
        assert data["content_html"] == "<p>The <strong>database</strong> restarts at 22:00.</p>\n"
        assert data["content_text"] == "The database restarts at 22:00."
        assert data["recipients"] == {
            "users": [viewer.pk], "teams": [team.pk], "channels": [channel.pk], "addresses": ["A@Example.com"],
        }  # fmt: skip
        kinds = sorted((d["kind"], (d["user"] or {}).get("username"), d["address"]) for d in data["deliveries"])
        assert kinds == [
            ("email", None, "a@example.com"),
            ("inapp", operator.username, ""),
            ("inapp", viewer.username, ""),
            ("webhook", operator.username, ""),  # the operator's own channel, once
        ]
        assert {d["status"] for d in data["deliveries"]} == {"pending"}, "delivered by the worker, not the request"
        assert data["deliveries_count"] == {"sent": 4, "delivered": 0, "failed": 0, "pending": 4, "skipped": 0}
        entry = AuditLog.objects.get(action="notification.sent")
        assert entry.details["recipients"] == {"users": 1, "teams": 1, "channels": 1, "addresses": 1}

    def test_the_defaults_and_plain_text(self, admin_client, viewer):
        payload = {"subject": "Hi", "content": "<b>a</b>\nb", "format": "text", "recipients": {"users": [viewer.pk]}}
        data = assert_ok(admin_client.post(URL, payload, format="json"), 201)
        assert (data["type"], data["severity"]) == ("message", "info")
        assert data["content_text"] == "<b>a</b>\nb"
        assert data["content_html"] == "<p>&lt;b&gt;a&lt;/b&gt;<br>b</p>"

    def test_markdown_is_rendered_safely(self, admin_client, viewer):
        content = "<script>alert(1)</script> [x](javascript:alert(1)) [docs](https://example.com/d)"
        payload = body(content=content, recipients={"users": [viewer.pk]})
        data = assert_ok(admin_client.post(URL, payload, format="json"), 201)
        assert "<script>" not in data["content_html"] and "&lt;script&gt;" in data["content_html"]
        assert 'href="javascript' not in data["content_html"]
        assert '<a href="https://example.com/d">docs</a>' in data["content_html"]
        assert "docs (https://example.com/d)" in data["content_text"]

    @pytest.mark.parametrize(
        ("recipients", "field"),
        [
            ({"users": [999999]}, "recipients.users"),
            ({"teams": [999999]}, "recipients.teams"),
            ({"channels": [999999]}, "recipients.channels"),
            ({"addresses": ["not-an-address"]}, "recipients.addresses.0"),
            ({"users": ["7"]}, "recipients.users.0"),
            ({"users": [True]}, "recipients.users.0"),
            ({}, "recipients"),
            ({"users": [], "addresses": []}, "recipients"),
            ({"users": list(range(1, 502))}, "recipients.users"),
        ],
    )
    def test_bad_recipients_are_400_naming_the_field(self, admin_client, recipients, field):
        response = admin_client.post(URL, body(recipients=recipients), format="json")
        errors = assert_error(response, 400, "validation_error")["errors"]
        assert field in [e["field"] for e in errors], errors
        assert not Notification.objects.exists() and not AuditLog.objects.filter(action="notification.sent").exists()

    def test_an_inactive_user_is_an_unknown_recipient(self, admin_client, viewer):
        viewer.is_active = False
        viewer.save()
        response = admin_client.post(URL, body(recipients={"users": [viewer.pk]}), format="json")
        assert "No active user" in assert_error(response, 400)["detail"]

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"content": "x" * 20001}, "content"),
            ({"content": "   \n"}, "content"),
            ({"subject": "s" * 201}, "subject"),
            ({"subject": ""}, "subject"),
            ({"type": "Not A Type"}, "type"),
            ({"type": "t" * 65}, "type"),
            ({"severity": "apocalyptic"}, "severity"),
            ({"format": "html"}, "format"),
            ({"content": 12}, "content"),
        ],
    )
    def test_bad_fields_are_400(self, admin_client, viewer, change, field):
        payload = {**body(recipients={"users": [viewer.pk]}), **change}
        errors = assert_error(admin_client.post(URL, payload, format="json"), 400)["errors"]
        assert [e["field"] for e in errors] == [field]
        assert not Notification.objects.exists()

    def test_missing_recipients_is_400(self, admin_client):
        errors = assert_error(admin_client.post(URL, body(), format="json"), 400)["errors"]
        assert [e["field"] for e in errors] == ["recipients"]


class TestRead:
    def test_the_list_shows_admins_everything_and_others_what_they_received(
        self, sent, admin_client, viewer_client, operator_client, operator
    ):
        other = notify(users=(operator.pk,))
        assert [n["id"] for n in assert_ok(admin_client.get(URL))] == [other.pk, sent.pk]
        assert [n["id"] for n in assert_ok(viewer_client.get(URL))] == [sent.pk]
        assert [n["id"] for n in assert_ok(operator_client.get(URL))] == [other.pk]

    def test_filters_by_status_type_and_date(self, sent, admin_client, viewer):
        pending = notify(users=(viewer.pk,), type="alert")
        Notification.objects.filter(pk=pending.pk).update(created_at=timezone.now() - timedelta(days=3))
        ids = lambda **q: [n["id"] for n in assert_ok(admin_client.get(URL, q))]  # noqa: E731
        assert ids(status="pending") == [pending.pk]
        assert ids(status="sent") == [sent.pk]
        assert ids(type="alert") == [pending.pk]
        since = (timezone.now() - timedelta(days=1)).isoformat()
        assert ids(start_date=since) == [sent.pk]
        assert ids(end_date=since) == [pending.pk]
        assert ids(sort="created_at", order="asc") == [pending.pk, sent.pk]

    @pytest.mark.parametrize(
        "query",
        [
            {"status": "lost"},
            {"start_date": "yesterday"},
            {"end_date": "0999-01-01T00:00:00Z"},
            {"page": 0},
            {"sort": "subject"},
            {"severity": "x"},
        ],
    )
    def test_bad_filters_are_400(self, admin_client, query):
        assert_error(admin_client.get(URL, query), 400, "validation_error")

    def test_the_detail_shows_each_delivery_with_attempts_status_and_error(self, sent, admin_client, viewer, sink):
        failing = notify(users=(viewer.pk,), sinks=(1,))
        sink.failures = 1
        jobs.deliver_due()
        data = assert_ok(admin_client.get(f"{URL}/{failing.pk}"))
        by_kind = {d["kind"]: d for d in data["deliveries"]}
        assert by_kind["inapp"]["status"] == "delivered" and by_kind["inapp"]["delivered_at"]
        retry = by_kind["test_sink"]
        assert (retry["status"], retry["attempts"], retry["last_error"], retry["target_id"]) == (
            "pending", 1, "the sink is down", 1,
        )  # fmt: skip
        assert retry["next_attempt_at"] is not None
        assert data["deliveries_count"]["delivered"] == 1 and data["deliveries_count"]["pending"] == 1

    def test_a_recipient_sees_only_their_own_deliveries(self, admin, viewer, operator, client_for):
        notification = notify(users=(viewer.pk, operator.pk))
        jobs.deliver_due()
        data = assert_ok(client_for(viewer).get(f"{URL}/{notification.pk}"))
        assert [d["user"]["id"] for d in data["deliveries"]] == [viewer.pk]
        assert len(assert_ok(client_for(admin).get(f"{URL}/{notification.pk}"))["deliveries"]) == 2


class TestAnalytics:
    def test_counts_by_type_kind_and_day_and_delivery_time_percentiles(self, admin_client, viewer, sink):
        ok = notify(users=(viewer.pk,), type="deploy")
        sink.permanent = True
        notify(sinks=(1,), type="alert")
        jobs.deliver_due()
        # Delivery times of 1 s and 3 s for the two delivered (the in-app one and one more).
        delivery = ok.deliveries.get()
        Delivery.objects.filter(pk=delivery.pk).update(delivered_at=delivery.created_at + timedelta(seconds=1))
        third = notify(users=(viewer.pk,), type="deploy")
        jobs.deliver_due()
        d3 = third.deliveries.get()
        Delivery.objects.filter(pk=d3.pk).update(delivered_at=d3.created_at + timedelta(seconds=3))
        data = assert_ok(admin_client.get(f"{URL}/analytics"))
        assert (data["notifications"], data["sent"], data["delivered"], data["failed"]) == (3, 3, 2, 1)
        assert data["notifications_by_status"] == {"pending": 0, "sent": 2, "partial": 0, "failed": 1}
        assert data["delivery_rate"] == pytest.approx(2 / 3, abs=1e-4)
        assert data["delivery_time_ms"] == {"count": 2, "p50": 2000.0, "p95": 2900.0}
        assert data["by_type"] == [
            {"type": "alert", "notifications": 1, "sent": 1, "delivered": 0, "failed": 1, "pending": 0, "skipped": 0},
            {"type": "deploy", "notifications": 2, "sent": 2, "delivered": 2, "failed": 0, "pending": 0, "skipped": 0},
        ]
        assert [(k["kind"], k["delivered"], k["failed"]) for k in data["by_kind"]] == [
            ("inapp", 2, 0),
            ("test_sink", 0, 1),
        ]
        today = timezone.now().date().isoformat()
        assert [(d["date"], d["notifications"], d["delivered"]) for d in data["by_day"]] == [(today, 3, 2)]

    def test_filters_apply_and_an_empty_range_has_no_percentiles(self, admin_client, viewer):
        notify(users=(viewer.pk,), type="deploy")
        jobs.deliver_due()
        data = assert_ok(admin_client.get(f"{URL}/analytics", {"type": "nothing"}))
        assert (data["notifications"], data["sent"], data["by_day"], data["delivery_rate"]) == (0, 0, [], None)
        assert data["delivery_time_ms"] == {"count": 0, "p50": None, "p95": None}
        future = (timezone.now() + timedelta(days=1)).isoformat()
        assert assert_ok(admin_client.get(f"{URL}/analytics", {"start_date": future}))["notifications"] == 0
