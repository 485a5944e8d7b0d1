"""Per-user quiet hours: deliveries to a user's own channels (email, webhook, Apprise) that are
created while the user is in their quiet hours wait, ``held``, until those hours end. The in-app
inbox is never held (it makes no noise), nor are team channels (a team is on call as a whole),
nor ``critical`` notifications (what quiet hours must not hide)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf import settings
from django.db import models

DEFAULT_QUIET_START = time(22, 0)
DEFAULT_QUIET_END = time(7, 0)


@cache
def timezone_names() -> tuple[str, ...]:
    """The IANA names this machine knows (its tzdata), sorted: what ``timezone`` may be."""
    return tuple(sorted(available_timezones() | {"UTC"}))


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def quiet_until(start: time, end: time, tz: ZoneInfo, now: datetime) -> datetime | None:
    """When the quiet hours from ``start`` to ``end`` (local times in ``tz``) that ``now`` falls
    in end, in UTC; None when ``now`` is outside them. ``start`` after ``end`` spans midnight
    (22:00 to 07:00); equal times mean no quiet hours."""
    if start == end:
        return None
    local = now.astimezone(tz)
    clock = local.time().replace(tzinfo=None)
    inside = start <= clock < end if start < end else (clock >= start or clock < end)
    if not inside:
        return None
    day = local.date() if clock < end else local.date() + timedelta(days=1)
    # An end that falls in a daylight-saving gap is read with the offset before the change.
    ends = datetime.combine(day, end, tzinfo=tz).astimezone(UTC)
    return max(ends, now.astimezone(UTC))


class NotificationPreference(models.Model):
    """A user's quiet hours (``GET/PUT /api/v1/notifications/preferences``): local start and end
    times in an IANA time zone, and whether they apply at all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    enabled = models.BooleanField(default=False)
    quiet_start = models.TimeField(default=DEFAULT_QUIET_START)
    quiet_end = models.TimeField(default=DEFAULT_QUIET_END)
    timezone = models.CharField(max_length=64, default="UTC")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "notification preference"

    def __str__(self) -> str:
        state = "on" if self.enabled else "off"
        return f"Quiet hours of {self.user} {self.quiet_start:%H:%M}-{self.quiet_end:%H:%M} {self.timezone} ({state})"

    def quiet_until(self, now: datetime) -> datetime | None:
        """When the quiet hours ``now`` falls in end; None when off or outside them."""
        if not self.enabled:
            return None
        return quiet_until(self.quiet_start, self.quiet_end, zone(self.timezone), now)


def quiet_until_by_user(user_ids: Iterable[int], now: datetime) -> dict[int, datetime]:
    """For each of these users now in their quiet hours, when those end (one query)."""
    ids = set(user_ids)
    if not ids:
        return {}
    held: dict[int, datetime] = {}
    for preference in NotificationPreference.objects.filter(user__in=ids, enabled=True):
        until = preference.quiet_until(now)
        if until is not None:
            held[preference.user_id] = until
    return held
