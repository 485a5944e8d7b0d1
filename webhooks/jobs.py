"""Background delivery of webhooks (run by the worker every second).

Each delivery is claimed in its own short transaction (``skip_locked``, so several workers
share the queue), which also leases it: its next attempt time moves past the request's timeout,
so a worker that dies mid-request leaves it to another. The transaction commits before the
HTTP request starts, and the outcome is recorded in another: no database transaction is open
while a receiver takes its time.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chatops import net
from chatops.registry import Job
from webhooks import services
from webhooks.choices import DeliveryStatus
from webhooks.models import RESPONSE_BODY_LIMIT, Delivery
from webhooks.signing import signature_headers

logger = logging.getLogger(__name__)

# One run stops claiming after this long, so the worker's other jobs get their turn.
RUN_BUDGET_SECONDS = 10.0


def _lease() -> timedelta:
    return timedelta(seconds=2 * settings.WEBHOOK_TIMEOUT_SECONDS + 60)


def claim_one() -> Delivery | None:
    """The next due delivery, leased to this worker, with its attempt counted."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("webhook")
            .order_by("next_attempt_at", "pk")
            .first()
        )
        if delivery is None:
            return None
        delivery.attempt_count += 1
        delivery.next_attempt_at = now + _lease()
        delivery.save(update_fields=["attempt_count", "next_attempt_at"])
    return delivery


def headers_for(delivery: Delivery, timestamp: int) -> dict[str, str]:
    body = delivery.body.encode("utf-8")
    return {
        "Content-Type": "application/json",
        "User-Agent": f"ChatOps-Webhooks/{settings.VERSION}",
        "X-Webhook-Event": delivery.event,
        "X-Webhook-Delivery": str(delivery.pk),
        "Connection": "close",
        **signature_headers(delivery.webhook.secret, timestamp, body),
    }


def attempt(delivery: Delivery) -> None:
    """Send a claimed delivery once and record what came of it."""
    started_at = timezone.now()
    answer = net.post(
        delivery.webhook.url,
        delivery.body.encode("utf-8"),
        headers_for(delivery, int(time.time())),
        timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
        allow_private=net.private_allowed(),
        body_limit=RESPONSE_BODY_LIMIT,
    )
    outcome = services.record_attempt(delivery.pk, delivery.attempt_count, started_at, answer)
    logger.info(
        "Webhook %s delivery %s (%s) attempt %s: %s %s",
        delivery.webhook_id,
        delivery.pk,
        delivery.event,
        delivery.attempt_count,
        answer.status_code or "-",
        outcome,
    )


def deliver_due() -> int:
    """Deliver the queued webhooks whose time has come; returns how many attempts were made."""
    started = time.monotonic()
    count = 0
    while time.monotonic() - started < RUN_BUDGET_SECONDS:
        delivery = claim_one()
        if delivery is None:
            break
        try:
            attempt(delivery)
        except Exception:
            # Leased: it is tried again when the lease ends. The others need not wait for that.
            logger.exception("Webhook delivery %s failed unexpectedly", delivery.pk)
        count += 1
    return count


def prune(now: datetime | None = None) -> int:
    """Delete finished deliveries (and their attempts) older than the notifications'
    retention; pending ones stay whatever their age."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_DAYS["notifications"])
    return Delivery.objects.filter(finished_at__lt=cutoff).exclude(status=DeliveryStatus.PENDING).delete()[0]


#: What the worker runs for webhooks (registered by ``WebhooksConfig.ready``). Old deliveries
#: are pruned by ``notifications.prune``, which alerts registers with its own emails.
JOBS = (Job("webhooks.deliver", 1, deliver_due),)
