"""What an attempt does to a delivery, and a delivery to its notification's status.

Retries back off exponentially (``NOTIFICATION_RETRY_BASE_SECONDS``, twice that, four times, …
at most ``NOTIFICATION_RETRY_CAP_SECONDS``, each with jitter) until
``NOTIFICATION_MAX_ATTEMPTS``; then the delivery has ``failed``. Once no delivery of a
notification is pending or held, the notification is ``sent`` (none failed), ``partial`` (some
delivered, some failed) or ``failed`` (none delivered), with its ``finished_at``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Outcome:
    """What attempt number ``attempt`` of a delivery came to: delivered (no ``error``), skipped
    (nothing to send to), or failed (retried later unless ``permanent`` or the last attempt)."""

    delivery_id: int
    attempt: int
    error: str = ""
    permanent: bool = False
    skipped: bool = False


def record_outcome(
    delivery_id: int, attempt: int, *, error: str = "", permanent: bool = False, skipped: bool = False
) -> str | None:
    """Record one attempt (``record_outcomes``)."""
    return record_outcomes([Outcome(delivery_id, attempt, error, permanent, skipped)])[0]


def record_outcomes(outcomes: Sequence[Outcome]) -> list[str | None]:
    """Record attempts, in one transaction: each delivery's status after it, in order, or None
    when its outcome no longer applies: the delivery is gone or final, or a later attempt owns
    it (this one outlived its lease; a late success still counts). Their notifications are
    rolled up. A worker records the few deliveries of one claim together (a storm's thousands
    cost a transaction per claim, not one per delivery)."""
    if not outcomes:
        return []
    with transaction.atomic():
        now = timezone.now()
        locked = Delivery.objects.select_for_update().filter(pk__in=[o.delivery_id for o in outcomes]).order_by("pk")
        deliveries = {d.pk: d for d in locked}
        changed: list[Delivery] = []
        statuses: list[str | None] = []
        for outcome in outcomes:
            # Popped: a second outcome of one delivery in the same call finds it recorded.
            delivery = deliveries.pop(outcome.delivery_id, None)
            if delivery is None or delivery.status != DeliveryStatus.PENDING:
                statuses.append(None)
                continue
            if (outcome.error or outcome.skipped) and delivery.attempts != outcome.attempt:
                statuses.append(None)
                continue
            _apply(delivery, outcome, now)
            changed.append(delivery)
            statuses.append(str(delivery.status))
        if changed:
            Delivery.objects.bulk_update(changed, ["status", "last_error", "next_attempt_at", "delivered_at"])
            roll_up_many({d.notification_id for d in changed}, now)
    return statuses


def _apply(delivery: Delivery, outcome: Outcome, now: datetime) -> None:
    delivery.last_error = outcome.error[:500]
    delivery.next_attempt_at = None
    if outcome.skipped:
        delivery.status = DeliveryStatus.SKIPPED
    elif not outcome.error:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
    elif outcome.permanent or outcome.attempt >= settings.NOTIFICATION_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = now + timedelta(seconds=retry_delay(outcome.attempt))


def roll_up(notification_id: int, now: datetime) -> str | None:
    """Finish a pending notification whose deliveries are all final (``roll_up_many``)."""
    return roll_up_many([notification_id], now).get(notification_id)


def roll_up_many(notification_ids: Iterable[int], now: datetime) -> dict[int, str]:
    """Finish the pending notifications among these whose deliveries are all final (inside the
    caller's transaction; the notifications' row locks, taken in id order, order two workers
    finishing the last deliveries of one). Returns the status of each finished."""
    pending = list(
        Notification.objects.select_for_update()
        .filter(pk__in=sorted(set(notification_ids)), status=NotificationStatus.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not pending:
        return {}
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Delivery.objects.filter(notification_id__in=pending)
        .order_by()
        .values("notification_id", "status")
        .annotate(n=Count("id"))
        .values_list("notification_id", "status", "n")
    )
    for notification_id, status, n in rows:
        counts[notification_id][status] = n
    finished: dict[int, str] = {}
    for notification_id in pending:
        of = counts[notification_id]
        if of.get(DeliveryStatus.PENDING) or of.get(DeliveryStatus.HELD):
            continue
        delivered, failed = of.get(DeliveryStatus.DELIVERED, 0), of.get(DeliveryStatus.FAILED, 0)
        if failed and delivered:
            finished[notification_id] = NotificationStatus.PARTIAL
        elif failed:
            finished[notification_id] = NotificationStatus.FAILED
        else:
            # Everything delivered, or skipped on purpose (a disabled channel, a user gone).
            finished[notification_id] = NotificationStatus.SENT
    by_status: dict[str, list[int]] = defaultdict(list)
    for notification_id, status in finished.items():
        by_status[status].append(notification_id)
    for status, ids in by_status.items():
        Notification.objects.filter(pk__in=ids).update(status=status, finished_at=now)
    return {k: str(v) for k, v in finished.items()}
