"""Background delivery of notifications (run by the worker every second) and their retention.

The ``Delivery`` rows are the outbox: ``notifications.services.send`` writes them in the
transaction of the change that caused them, and this job drains them.

- In-app deliveries need no outside call: up to ``INAPP_BATCH`` due ones are claimed and marked
  delivered in one transaction (``skip_locked``), and their recipients' sockets are told after
  it commits.
- Every other delivery is claimed in a short transaction (``skip_locked``, so several workers,
  and the threads of one (``NOTIFICATION_DELIVERY_THREADS``), share the queue), a few at a time
  (``claim_size``), that counts the attempt and leases it: its next attempt time moves
  ``NOTIFICATION_LEASE_SECONDS`` ahead, so a worker that dies while sending leaves it to
  another once the lease ends (a delivery sent but not yet recorded is sent again then: at
  least once). The claim commits before the sends start, and the claim's outcomes are
  recorded together in another (``services.outcomes.record_outcomes``): no database
  transaction is open while a mail server or a chat service takes its time.

Dispatch by kind: ``inapp`` → delivered at once; a kind another app registered in
``notifications.targets`` (``chat_room``) → its ``deliver``; ``email``, ``webhook`` and
``apprise`` → ``notifications.transports.deliver``.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import F
from django.utils import timezone

from chatops.registry import Job
from notifications import targets
from notifications.choices import ChannelKind, DeliveryStatus, NotificationStatus
from notifications.models import Delivery, Notification
from notifications.services.inbox import announce_delivered
from notifications.services.outcomes import Outcome, record_outcomes, roll_up_many
from notifications.targets import DeliveryError

logger = logging.getLogger(__name__)

# One run stops claiming after this long, so the worker's other jobs get their turn.
RUN_BUDGET_SECONDS = 10.0
INAPP_BATCH = 500
#: Kinds the transports module (``notifications.transports``) sends.
TRANSPORT_KINDS = (ChannelKind.EMAIL, ChannelKind.WEBHOOK, ChannelKind.APPRISE)
PRUNE_CHUNK = 1000


def _lease() -> timedelta:
    return timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)


# --- In-app ---------------------------------------------------------------------------------------


def deliver_inapp(limit: int = INAPP_BATCH, now: datetime | None = None) -> int:
    """Deliver up to ``limit`` due in-app deliveries at once; returns how many were handled."""
    now = now or timezone.now()
    with transaction.atomic():
        batch = list(
            Delivery.objects.due(now)
            .filter(kind=ChannelKind.INAPP)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("notification", "user")
            .order_by("next_attempt_at", "pk")[:limit]
        )
        if not batch:
            return 0
        live = [d for d in batch if d.user is not None and d.user.is_active]
        gone = [d.pk for d in batch if d.user is None or not d.user.is_active]
        Delivery.objects.filter(pk__in=[d.pk for d in live]).update(
            status=DeliveryStatus.DELIVERED,
            delivered_at=now,
            attempts=F("attempts") + 1,
            next_attempt_at=None,
            last_error="",
        )
        if gone:
            Delivery.objects.filter(pk__in=gone).update(
                status=DeliveryStatus.SKIPPED, next_attempt_at=None, last_error="The user is no longer active."
            )
        roll_up_many({d.notification_id for d in batch}, now)  # locked in id order
        for delivery in live:
            delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, now
        announce_delivered(live)
    return len(batch)


# --- Every other kind -----------------------------------------------------------------------------


def claim(now: datetime | None = None, limit: int = 1) -> list[Delivery]:
    """Up to ``limit`` due deliveries, in due order, leased to this worker with their attempt
    counted (one transaction). ``now``: the clock to judge what is due by (tests move it past a
    lease or quiet hours)."""
    now = now or timezone.now()
    with transaction.atomic():
        batch = list(
            Delivery.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("notification", "channel", "user")
            .order_by("next_attempt_at", "pk")[:limit]
        )
        if not batch:
            return []
        until = now + _lease()
        Delivery.objects.filter(pk__in=[d.pk for d in batch]).update(
            attempts=F("attempts") + 1,
            status=DeliveryStatus.PENDING,  # a held one whose quiet hours ended
            next_attempt_at=until,
        )
        for delivery in batch:
            delivery.attempts += 1
            delivery.status, delivery.next_attempt_at = DeliveryStatus.PENDING, until
    return batch


def claim_one(now: datetime | None = None) -> Delivery | None:
    """The next due delivery, leased to this worker (``claim``)."""
    batch = claim(now)
    return batch[0] if batch else None


def claim_size() -> int:
    """Deliveries one claim takes: as many as can be sent one after another, each taking up to
    ``NOTIFICATION_TIMEOUT_SECONDS``, within half the lease (at most 10): a claim's sort of the
    due queue is shared by several, and the last of them is sent before its lease can end."""
    fit = settings.NOTIFICATION_LEASE_SECONDS // (2 * settings.NOTIFICATION_TIMEOUT_SECONDS)
    return max(1, min(10, int(fit)))


def skip_reason(delivery: Delivery) -> str:
    """Why there is nothing to send this delivery to any more ("" when there is)."""
    if delivery.user_id is not None and (delivery.user is None or not delivery.user.is_active):
        return "The user is no longer active."
    if delivery.kind == ChannelKind.INAPP and delivery.user_id is None:
        return "An in-app delivery needs a user."
    if delivery.kind in TRANSPORT_KINDS and not delivery.address:
        if delivery.channel is None:
            return "The channel was deleted."
        if not delivery.channel.enabled:
            return "The channel is disabled."
    return ""


def _transport() -> Callable[[Delivery], Any]:
    """``notifications.transports.deliver``, imported when first needed (it imports Apprise
    and the email backends, which a worker without such deliveries never loads)."""
    try:
        module = importlib.import_module("notifications.transports")
    except ModuleNotFoundError as exc:
        if exc.name != "notifications.transports":
            raise
        raise DeliveryError("No transport for this kind is installed (notifications.transports).") from None
    deliver: Callable[[Delivery], Any] = module.deliver
    return deliver


def dispatch(delivery: Delivery) -> None:
    """Send one delivery by its kind; raises ``DeliveryError`` when it did not go."""
    if delivery.kind == ChannelKind.INAPP:
        return
    registered = targets.target(delivery.kind)
    if registered is not None:
        registered.deliver(delivery)
    elif delivery.kind in TRANSPORT_KINDS:
        _transport()(delivery)
    else:
        raise DeliveryError(f"Nothing delivers notifications of kind {delivery.kind!r}.", permanent=True)


def send_one(delivery: Delivery) -> Outcome:
    """Make a claimed delivery once; what came of it (recorded by the caller)."""
    number = delivery.attempts
    reason = skip_reason(delivery)
    if reason:
        return Outcome(delivery.pk, number, error=reason, skipped=True)
    try:
        dispatch(delivery)
    except DeliveryError as exc:
        return Outcome(delivery.pk, number, error=str(exc) or "Delivery failed.", permanent=exc.permanent)
    except Exception as exc:
        # A transport's own bug. Its message may quote the channel's target (a secret): only the
        # exception's type is logged and kept. Retried with backoff like any failure.
        logger.error("Notification delivery %s (%s) raised %s", delivery.pk, delivery.kind, type(exc).__name__)
        return Outcome(delivery.pk, number, error=f"Unexpected error ({type(exc).__name__}).")
    return Outcome(delivery.pk, number)


def _recorded(deliveries: list[Delivery], outcomes: list[Outcome]) -> list[str | None]:
    """Record the outcomes of ``deliveries`` together; tell in-app recipients; log each."""
    statuses = record_outcomes(outcomes)
    for delivery, outcome, status in zip(deliveries, outcomes, statuses, strict=True):
        if status == DeliveryStatus.DELIVERED and delivery.kind == ChannelKind.INAPP:
            delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, timezone.now()
            with transaction.atomic():
                announce_delivered([delivery])
        logger.info(
            "Notification %s delivery %s (%s) attempt %s: %s",
            delivery.notification_id,
            delivery.pk,
            delivery.kind,
            outcome.attempt,
            status,
        )
    return statuses


def attempt(delivery: Delivery) -> str | None:
    """Make a claimed delivery once and record what came of it; returns its status after."""
    return _recorded([delivery], [send_one(delivery)])[0]


def _drain(started: float, now: datetime | None, size: int) -> int:
    """Claim due deliveries (``size`` at a time) and attempt them in turn until none is due or
    the budget is spent."""
    count = 0
    while time.monotonic() - started < RUN_BUDGET_SECONDS:
        batch = claim(now, size)
        outcomes = [send_one(delivery) for delivery in batch]
        try:
            _recorded(batch, outcomes)  # the claim's outcomes in one transaction
        except Exception:
            # Leased: tried again when the lease ends. The others need not wait for that.
            logger.exception("Notification deliveries %s could not be recorded", [d.pk for d in batch])
        count += len(batch)
        if len(batch) < size:
            break
    return count


def _drain_in_thread(started: float, now: datetime | None, size: int) -> int:
    try:
        return _drain(started, now, size)
    finally:
        connections.close_all()  # this thread's own connection, opened by its first claim


def delivery_threads() -> int:
    """How many deliveries this worker sends at once: ``NOTIFICATION_DELIVERY_THREADS``, or one
    where threads cannot help or cannot see the work — SQLite (one writer at a time), or a
    caller inside a transaction (another thread's connection does not see its rows)."""
    if connection.vendor == "sqlite" or connection.in_atomic_block:
        return 1
    return int(settings.NOTIFICATION_DELIVERY_THREADS)


def deliver_due(now: datetime | None = None) -> int:
    """Deliver what is due (now, or at ``now``); returns how many deliveries were handled.

    Outside deliveries (a webhook, a chat service, a mail server) mostly wait: on the far end,
    and on the database's round trips of their claim and outcome. ``delivery_threads()``
    threads claim and send side by side (``skip_locked`` claims, as between workers), so one
    slow receiver does not hold up the others and a storm's backlog drains in parallel."""
    started = time.monotonic()
    count = 0
    while time.monotonic() - started < RUN_BUDGET_SECONDS:
        handled = deliver_inapp(now=now)
        count += handled
        if handled < INAPP_BATCH:
            break
    threads, size = delivery_threads(), claim_size()
    if threads == 1:
        return count + _drain(started, now, size)
    due = Delivery.objects.due(now or timezone.now()).exclude(kind=ChannelKind.INAPP)[: threads * size].count()
    if due <= 1:
        return count + _drain(started, now, 1)  # one or none due: no thread to start
    # A short queue is shared out (a claim of ``size`` by one thread would send it all in turn).
    size = max(1, min(size, due // threads))
    with ThreadPoolExecutor(threads, thread_name_prefix="chatops-deliver") as pool:
        return count + sum(pool.map(lambda _: _drain_in_thread(started, now, size), range(threads)))


# --- Retention ------------------------------------------------------------------------------------


def prune_sent(now: datetime | None = None) -> int:
    """Delete finished notifications (with their deliveries, in-app ones included) older than
    ``RETENTION_NOTIFICATIONS_DAYS``; pending ones stay whatever their age. Returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_DAYS["notifications"])
    old = Notification.objects.filter(finished_at__lt=cutoff).exclude(status=NotificationStatus.PENDING)
    total = 0
    while ids := list(old.order_by("pk").values_list("pk", flat=True)[:PRUNE_CHUNK]):
        with transaction.atomic():
            Delivery.objects.filter(notification_id__in=ids).delete()
            total += Notification.objects.filter(pk__in=ids).delete()[1].get("notifications.Notification", 0)
    return total


#: What the worker runs for notifications (registered by ``NotificationsConfig.ready``). The
#: retention job is ``notifications.prune_sent``: ``notifications.prune`` is the alerts app's
#: (webhook deliveries and alert emails).
JOBS = (
    Job("notifications.deliver", 1, deliver_due),
    Job("notifications.prune_sent", 3600, prune_sent),
)
