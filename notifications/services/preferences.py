"""A user's own quiet hours: read (the defaults until first saved) and replaced, audited."""

from __future__ import annotations

from datetime import time

from django.db import transaction

from accounts.actor import Actor
from accounts.services import record_audit
from notifications.preferences import NotificationPreference


def preference_of(user_id: int) -> NotificationPreference:
    """The user's preference, or an unsaved one with the defaults (quiet hours off)."""
    found = NotificationPreference.objects.filter(user_id=user_id).first()
    return found if found is not None else NotificationPreference(user_id=user_id)


def update_preference(
    actor: Actor, *, enabled: bool, quiet_start: time, quiet_end: time, timezone: str
) -> NotificationPreference:
    """Replace the actor's own quiet hours. Deliveries held already keep their time."""
    assert actor.user is not None
    with transaction.atomic():
        preference, _ = NotificationPreference.objects.update_or_create(
            user=actor.user,
            defaults={"enabled": enabled, "quiet_start": quiet_start, "quiet_end": quiet_end, "timezone": timezone},
        )
        record_audit(
            "notification_preference.updated",
            actor=actor,
            target=preference,
            details={
                "enabled": enabled,
                "quiet_start": quiet_start.strftime("%H:%M"),
                "quiet_end": quiet_end.strftime("%H:%M"),
                "timezone": timezone,
            },
        )
    return preference
