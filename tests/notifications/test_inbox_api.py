"""The in-app inbox (``/api/v1/notifications/inbox``) and quiet hours
(``/api/v1/notifications/preferences``): every role has its own, and nobody else's."""

from __future__ import annotations

import pytest

from accounts.models import AuditLog
from notifications import jobs
from notifications.models import Delivery, NotificationPreference
from tests.helpers import assert_error, assert_ok
from tests.notifications.conftest import notify
from tests.roles import RoleMatrix, Route, everyone, key

pytestmark = pytest.mark.django_db

INBOX = "/api/v1/notifications/inbox"
PREFS = "/api/v1/notifications/preferences"
QUIET = {"enabled": True, "quiet_start": "22:00", "quiet_end": "07:00", "timezone": "Europe/Berlin"}


@pytest.fixture
def item(viewer) -> Delivery:
    """An inbox item of the viewer's, delivered."""
    notification = notify(users=(viewer.pk,))
    jobs.deliver_due()
    return notification.deliveries.get()


ROLES = RoleMatrix(
    Route("GET", INBOX, expect={**everyone(200), key("viewer", "inbox:read"): 200,
                                key("viewer", "notifications:read"): (403, "insufficient_scope")}),
    Route("POST", INBOX + "/{item.pk}/read", expect={**everyone(404), "viewer": 200, key("viewer", "inbox:write"): 200,
                                                     key("viewer", "inbox:read"): (403, "insufficient_scope")}),
    Route("POST", INBOX + "/999999/read", expect={"viewer": (404, "not_found")}),
    Route("POST", INBOX + "/read-all", expect={**everyone(200), key("viewer", "inbox:write"): 200}),
    Route("GET", PREFS, expect={**everyone(200), key("operator", "inbox:read"): 200}),
    Route("PUT", PREFS, body=QUIET, expect={**everyone(200), key("viewer", "inbox:write"): 200}),
)  # fmt: skip


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestInbox:
    def test_newest_first_with_the_unread_count(self, viewer, viewer_client):
        first, second = notify(users=(viewer.pk,), subject="one"), notify(users=(viewer.pk,), subject="two")
        notify(users=(viewer.pk,), subject="not delivered yet")
        Delivery.objects.filter(notification__in=[first, second]).update(
            status="delivered", delivered_at=first.created_at
        )
        response = viewer_client.get(INBOX)
        data = assert_ok(response)
        assert [i["notification"]["subject"] for i in data] == ["two", "one"]
        assert response.json()["unread_count"] == 2
        item = data[0]
        assert set(item) == {"id", "notification", "read", "read_at", "delivered_at"}
        assert item["read"] is False and item["read_at"] is None
        assert item["notification"]["content_html"] == "<p><strong>/var</strong> is at 97 %</p>\n"
        assert item["notification"]["content_text"] == "/var is at 97 %"

    def test_unread_first_and_the_unread_filter(self, viewer, viewer_client):
        *_, c = (notify(users=(viewer.pk,), subject=s) for s in "abc")
        jobs.deliver_due()
        viewer_client.post(f"{INBOX}/{c.deliveries.get().pk}/read")
        subjects = lambda **q: [i["notification"]["subject"] for i in assert_ok(viewer_client.get(INBOX, q))]  # noqa: E731
        assert subjects() == ["c", "b", "a"]
        assert subjects(unread_first="true") == ["b", "a", "c"]
        assert subjects(unread="true") == ["b", "a"]
        assert subjects(unread="false") == ["c"]
        assert_error(viewer_client.get(INBOX, {"unread": "yes"}), 400)

    def test_mark_one_read_then_all(self, viewer, viewer_client, item):
        second = notify(users=(viewer.pk,))
        jobs.deliver_due()
        data = assert_ok(viewer_client.post(f"{INBOX}/{item.pk}/read"))
        assert data["id"] == item.pk and data["read"] is True and data["read_at"]
        again = assert_ok(viewer_client.post(f"{INBOX}/{item.pk}/read"))
        assert again["read_at"] == data["read_at"], "reading twice keeps the first time"
        assert viewer_client.get(INBOX).json()["unread_count"] == 1
        assert assert_ok(viewer_client.post(f"{INBOX}/read-all")) == {"marked": 1, "unread_count": 0}
        assert second.deliveries.get().read_at is not None
        assert assert_ok(viewer_client.post(f"{INBOX}/read-all")) == {"marked": 0, "unread_count": 0}

    def test_someone_elses_item_is_404_and_stays_unread(self, item, outsider_client, admin_client):
        assert_error(outsider_client.post(f"{INBOX}/{item.pk}/read"), 404)
        assert_error(admin_client.post(f"{INBOX}/{item.pk}/read"), 404)
        assert_ok(admin_client.post(f"{INBOX}/read-all"))
        item.refresh_from_db()
        assert item.read_at is None

    def test_only_inapp_deliveries_are_in_the_inbox(self, viewer, viewer_client, channel_of, sink):
        channel_of(viewer)
        notify(users=(viewer.pk,), sinks=(1,))
        jobs.deliver_due()
        assert [i["notification"]["subject"] for i in assert_ok(viewer_client.get(INBOX))] == ["Disk full"]
        email = Delivery.objects.get(kind="email")
        assert_error(viewer_client.post(f"{INBOX}/{email.pk}/read"), 404)


class TestPreferences:
    def test_off_until_set(self, viewer_client):
        assert assert_ok(viewer_client.get(PREFS)) == {
            "enabled": False, "quiet_start": "22:00", "quiet_end": "07:00", "timezone": "UTC", "updated_at": None,
        }  # fmt: skip

    def test_set_and_read_back_audited(self, viewer, viewer_client):
        data = assert_ok(viewer_client.put(PREFS, {**QUIET, "quiet_start": "23:15"}, format="json"))
        assert {k: data[k] for k in QUIET} == {**QUIET, "quiet_start": "23:15"} and data["updated_at"]
        assert assert_ok(viewer_client.get(PREFS))["quiet_start"] == "23:15"
        saved = NotificationPreference.objects.get(user=viewer)
        assert (saved.timezone, saved.enabled) == ("Europe/Berlin", True)
        entry = AuditLog.objects.get(action="notification_preference.updated")
        assert entry.actor == viewer and entry.details["timezone"] == "Europe/Berlin"
        assert_ok(viewer_client.put(PREFS, {**QUIET, "enabled": False}, format="json"))
        assert NotificationPreference.objects.filter(user=viewer).count() == 1

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"timezone": "Mars/Olympus"}, "timezone"),
            ({"timezone": ""}, "timezone"),
            ({"quiet_start": "24:00"}, "quiet_start"),
            ({"quiet_start": "7:00"}, "quiet_start"),
            ({"quiet_end": "07:00:00"}, "quiet_end"),
            ({"quiet_end": 700}, "quiet_end"),
            ({"enabled": "yes"}, "enabled"),
        ],
    )
    def test_bad_values_are_400(self, viewer_client, change, field):
        errors = assert_error(viewer_client.put(PREFS, {**QUIET, **change}, format="json"), 400)["errors"]
        assert [e["field"] for e in errors] == [field]
        assert not NotificationPreference.objects.exists()

    def test_every_field_is_required(self, viewer_client):
        errors = assert_error(viewer_client.put(PREFS, {}, format="json"), 400)["errors"]
        assert sorted(e["field"] for e in errors) == ["enabled", "quiet_end", "quiet_start", "timezone"]


def test_inbox_times_are_written_like_every_other_time_in_the_api(viewer_client, viewer):
    from accounts.actor import Actor
    from notifications.jobs import deliver_due
    from notifications.services import Recipients, send

    send(Actor.system(), type="test", subject="s", content="c", recipients=Recipients(users=[viewer.pk]))
    deliver_due()
    [item] = viewer_client.get("/api/v1/notifications/inbox").json()["data"]
    assert item["delivered_at"].endswith("Z") and item["notification"]["created_at"].endswith("Z")
