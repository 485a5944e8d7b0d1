"""Quiet hours hold back a warning to a user's own channels until they end; a critical passes;
the inbox and team channels are never held."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.models import Team
from notifications import jobs
from notifications.choices import DeliveryStatus, NotificationStatus
from notifications.models import NotificationChannel, NotificationPreference
from notifications.preferences import quiet_until
from tests.notifications.conftest import notify

BERLIN = ZoneInfo("Europe/Berlin")


class TestTheClock:
    @pytest.mark.parametrize(
        ("local", "ends"),
        [
            ("2026-03-10 23:30", "2026-03-11 07:00"),  # evening: ends tomorrow morning
            ("2026-03-11 06:59", "2026-03-11 07:00"),  # morning: ends today
            ("2026-03-11 07:00", None),  # the end itself is outside
            ("2026-03-11 21:59", None),
            ("2026-03-11 22:00", "2026-03-12 07:00"),
        ],
    )
    def test_overnight_quiet_hours(self, local, ends):
        now = datetime.fromisoformat(local).replace(tzinfo=BERLIN)
        found = quiet_until(time(22), time(7), BERLIN, now)
        expected = datetime.fromisoformat(ends).replace(tzinfo=BERLIN).astimezone(UTC) if ends else None
        assert found == expected

    def test_daytime_quiet_hours(self):
        start, end = time(12), time(14)
        assert quiet_until(start, end, UTC, datetime(2026, 1, 1, 13, tzinfo=UTC)) == datetime(
            2026, 1, 1, 14, tzinfo=UTC
        )
        assert quiet_until(start, end, UTC, datetime(2026, 1, 1, 15, tzinfo=UTC)) is None
        assert quiet_until(start, end, UTC, datetime(2026, 1, 1, 11, tzinfo=UTC)) is None

    def test_equal_times_mean_no_quiet_hours(self):
        assert quiet_until(time(8), time(8), UTC, datetime(2026, 1, 1, 8, tzinfo=UTC)) is None

    def test_the_end_is_local_time_across_a_daylight_saving_change(self):
        # Berlin moves to summer time on 2026-03-29 at 02:00: 07:00 that morning is 05:00 UTC.
        now = datetime(2026, 3, 28, 23, 0, tzinfo=BERLIN)
        assert quiet_until(time(22), time(7), BERLIN, now) == datetime(2026, 3, 29, 5, 0, tzinfo=UTC)


def quiet_now(user, *, enabled: bool = True, tz: str = "Europe/Berlin") -> datetime:
    """Quiet hours for ``user`` from an hour ago to an hour from now (local); returns their end."""
    local = timezone.now().astimezone(ZoneInfo(tz))
    start, end = (local - timedelta(hours=1)).time(), (local + timedelta(hours=1)).time()
    start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    NotificationPreference.objects.create(user=user, enabled=enabled, quiet_start=start, quiet_end=end, timezone=tz)
    found = quiet_until(start, end, ZoneInfo(tz), timezone.now())
    assert found is not None
    return found


pytestmark = pytest.mark.django_db


def test_a_warning_is_held_until_quiet_hours_end_and_delivered_after(viewer, channel_of, sink):
    channel_of(viewer, kind="webhook", target="https://hooks.example.com/x")
    ends = quiet_now(viewer)
    notification = notify(users=(viewer.pk,), severity="warning")
    held = notification.deliveries.get(kind="webhook")
    assert (held.status, held.next_attempt_at) == (DeliveryStatus.HELD, ends)
    jobs.deliver_due()
    held.refresh_from_db()
    assert held.status == DeliveryStatus.HELD and held.attempts == 0, "still quiet"
    assert notification.deliveries.get(kind="inapp").status == DeliveryStatus.DELIVERED, "the inbox is never held"
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING

    # The end of quiet hours: the worker claims it like any due delivery. (A webhook channel
    # goes through notifications.transports; here its kind is redirected to the test's sink.)
    held.kind = "test_sink"
    held.save()
    jobs.deliver_due(now=ends + timedelta(seconds=1))
    held.refresh_from_db()
    assert (held.status, held.attempts) == (DeliveryStatus.DELIVERED, 1)
    assert [pk for pk, _, _ in sink.got] == [held.pk]
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT


def test_a_critical_passes_through_quiet_hours(viewer, channel_of):
    channel_of(viewer)
    quiet_now(viewer)
    notification = notify(users=(viewer.pk,), severity="critical")
    email = notification.deliveries.get(kind="email")
    assert email.status == DeliveryStatus.PENDING
    assert email.next_attempt_at <= timezone.now()


def test_quiet_hours_switched_off_hold_nothing(viewer, channel_of):
    channel_of(viewer)
    quiet_now(viewer, enabled=False)
    assert notify(users=(viewer.pk,), severity="warning").deliveries.get(kind="email").status == DeliveryStatus.PENDING


def test_team_channels_are_not_held_by_a_members_quiet_hours(viewer):
    team = Team.objects.create(name="oncall")
    team.members.add(viewer)
    NotificationChannel.objects.create(name="pager", kind="email", target="pager@example.com", team=team)
    quiet_now(viewer)
    from accounts.actor import Actor
    from notifications.services import Recipients, send

    notification = send(
        Actor.system(), type="t", subject="s", content="c", severity="warning", recipients=Recipients(teams=(team.pk,))
    )
    assert {d.kind: d.status for d in notification.deliveries.all()} == {
        "email": DeliveryStatus.PENDING,
        "inapp": DeliveryStatus.PENDING,
    }


def test_a_channel_named_directly_is_held_by_its_owners_quiet_hours(viewer, channel_of):
    channel = channel_of(viewer)
    ends = quiet_now(viewer)
    delivery = notify(channels=(channel.pk,), severity="info").deliveries.get()
    assert (delivery.status, delivery.next_attempt_at) == (DeliveryStatus.HELD, ends)
