"""What an attempt does to a delivery, and a delivery to its notification's status.

Retries back off exponentially (``NOTIFICATION_RETRY_BASE_SECONDS``, twice that, four times, …
at most ``NOTIFICATION_RETRY_CAP_SECONDS``, each with jitter) until
``NOTIFICATION_MAX_ATTEMPTS``; then the delivery has ``failed``. Once no delivery of a
notification is pending or held, the notification is ``sent`` (none failed), ``partial`` (some
delivered, some failed) or ``failed`` (none delivered), with its ``finished_at``.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from notifications.choices import DeliveryStatus, NotificationStatus
from notifications.models import Delivery, Notification

_rng = random.SystemRandom()


def retry_delay(attempt: int) -> float:
    """Seconds to wait after attempt number ``attempt`` failed: between half and all of
    ``min(cap, base * 2^(attempt-1))``, so receivers that failed together do not retry together."""
    base = settings.NOTIFICATION_RETRY_BASE_SECONDS
    ceiling = float(min(settings.NOTIFICATION_RETRY_CAP_SECONDS, base * 2 ** min(max(attempt, 1) - 1, 30)))
    return max(1.0, _rng.uniform(ceiling / 2, ceiling))


def record_outcome(
    delivery_id: int, attempt: int, *, error: str = "", permanent: bool = False, skipped: bool = False
) -> str | None:
    """Record attempt number ``attempt`` of a delivery: delivered (no ``error``), skipped
    (nothing to send to), or failed (retried later unless ``permanent`` or the last attempt).
    Returns the delivery's status after it, or None when the outcome no longer applies: the
    delivery is gone or final, or a later attempt owns it (this one outlived its lease; a late
    success still counts)."""
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return None
        if (error or skipped) and delivery.attempts != attempt:
            return None
        now = timezone.now()
        delivery.last_error = error[:500]
        delivery.next_attempt_at = None
        if skipped:
            delivery.status = DeliveryStatus.SKIPPED
        elif not error:
            delivery.status = DeliveryStatus.DELIVERED
            delivery.delivered_at = now
        elif permanent or attempt >= settings.NOTIFICATION_MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.FAILED
        else:
            delivery.next_attempt_at = now + timedelta(seconds=retry_delay(attempt))
        delivery.save(update_fields=["status", "last_error", "next_attempt_at", "delivered_at"])
        roll_up(delivery.notification_id, now)
    return str(delivery.status)


def roll_up(notification_id: int, now: datetime) -> str | None:
    """Finish a pending notification whose deliveries are all final (inside the caller's
    transaction; the notification's row lock orders two workers finishing its last two)."""
    notification = (
        Notification.objects.select_for_update()
        .filter(pk=notification_id, status=NotificationStatus.PENDING)
        .only("pk", "status")
        .first()
    )
    if notification is None:
        return None
    counts = dict(
        Delivery.objects.filter(notification_id=notification_id)
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    if counts.get(DeliveryStatus.PENDING) or counts.get(DeliveryStatus.HELD):
        return None
    delivered, failed = counts.get(DeliveryStatus.DELIVERED, 0), counts.get(DeliveryStatus.FAILED, 0)
    if failed and delivered:
        status = NotificationStatus.PARTIAL
    elif failed:
        status = NotificationStatus.FAILED
    else:
        # Everything delivered, or skipped on purpose (a disabled channel, a user gone).
        status = NotificationStatus.SENT
    Notification.objects.filter(pk=notification_id).update(status=status, finished_at=now)
    return str(status)
