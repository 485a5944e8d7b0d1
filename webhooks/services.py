"""Outgoing webhooks: what to deliver to whom, the admins' changes (each audited), and what
each attempt does to a delivery and to its webhook's health."""

from __future__ import annotations

import json
import logging
import random
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from accounts.actor import Actor
from accounts.services import record_audit
from chatops.net import Answer
from chatops.times import iso
from webhooks.choices import TEST_EVENT, DeliveryStatus, Outcome, is_event
from webhooks.models import Delivery, DeliveryAttempt, Webhook
from webhooks.payloads import TEST_MESSAGE, Payload, TestPingData

logger = logging.getLogger(__name__)

# Retries: full jitter over an exponential ceiling (30 s, 60 s, 120 s, … at most an hour).
RETRY_BASE_SECONDS = 30
RETRY_CAP_SECONDS = 3600
_rng = random.SystemRandom()


def _body(event: str, data: dict[str, Any]) -> str:
    payload: Payload = {"event": event, "timestamp": iso(timezone.now()) or "", "data": data}
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def subscribers(event: str) -> list[Webhook]:
    """The enabled webhooks subscribed to ``event``: for a caller that decides by them how to
    write its change, and then passes them to ``enqueue`` (``hooks``)."""
    if not is_event(event):
        raise ValueError(f"Unknown webhook event {event!r}")
    return Webhook.objects.subscribed_to(event)


def enqueue(event: str, data: dict[str, Any], *, hooks: list[Webhook] | None = None) -> int:
    """Queue ``event`` for every enabled webhook subscribed to it, inside the caller's
    transaction (a transactional outbox: the delivery exists exactly when the change that
    caused it was committed). Returns how many deliveries were queued. ``hooks``: those
    subscribed, as the caller already read them in this transaction (a batch of events)."""
    if hooks is None:
        hooks = subscribers(event)
    elif not is_event(event):
        raise ValueError(f"Unknown webhook event {event!r}")
    if not hooks:
        return 0
    body = _body(event, data)
    Delivery.objects.bulk_create([Delivery(webhook=hook, event=event, body=body) for hook in hooks])
    return len(hooks)


# --- Admins' changes ------------------------------------------------------------------------------


def _reset_health(webhook: Webhook) -> None:
    webhook.consecutive_failures = 0
    webhook.failing_since = None
    webhook.disabled_at = None
    webhook.disabled_reason = ""


def _cancel_pending(webhook: Webhook, reason: str) -> int:
    """Pending deliveries of a webhook switched off end now (test pings still go)."""
    return (
        Delivery.objects.filter(webhook=webhook, status=DeliveryStatus.PENDING)
        .exclude(event=TEST_EVENT)
        .update(status=DeliveryStatus.FAILED, next_attempt_at=None, finished_at=timezone.now(), last_error=reason)
    )


def create_webhook(
    actor: Actor, *, url: str, events: list[str], enabled: bool = True, secret: str | None = None
) -> tuple[Webhook, str]:
    """Create a webhook; returns it with its secret (generated when not given), the one time
    the secret leaves the hub."""
    raw = secret or Webhook.generate_secret()
    with transaction.atomic():
        webhook = Webhook.objects.create(url=url, events=events, enabled=enabled, secret=raw, created_by=actor.user)
        record_audit(
            "webhook.created",
            actor=actor,
            target=webhook,
            details={"host": webhook.host, "events": events, "enabled": enabled, "secret_generated": not secret},
        )
    return webhook, raw


def update_webhook(actor: Actor, webhook: Webhook, **fields: Any) -> Webhook:
    """Change URL, events, secret or enabled. Enabling starts its health afresh; disabling
    drops its pending deliveries."""
    with transaction.atomic():
        locked = Webhook.objects.select_for_update().get(pk=webhook.pk)
        host_before = locked.host
        changed = sorted(key for key, value in fields.items() if getattr(locked, key) != value)
        for key, value in fields.items():
            setattr(locked, key, value)
        if "enabled" in changed:
            if locked.enabled:
                _reset_health(locked)
            else:
                locked.disabled_at = timezone.now()
                locked.disabled_reason = "disabled by an admin"
                _cancel_pending(locked, "webhook disabled")
        locked.save()
        details: dict[str, Any] = {
            "changed": changed,  # names only: never the secret itself
            "host": locked.host,
            "events": locked.events,
            "enabled": locked.enabled,
        }
        if "url" in changed and host_before != locked.host:
            details["host_before"] = host_before
        record_audit("webhook.updated", actor=actor, target=locked, details=details)
    return locked


def delete_webhook(actor: Actor, webhook: Webhook) -> None:
    with transaction.atomic():
        record_audit(
            "webhook.deleted", actor=actor, target=webhook, details={"host": webhook.host, "events": webhook.events}
        )
        webhook.delete()


def queue_test(actor: Actor, webhook: Webhook) -> Delivery:
    """A ping for this webhook alone, delivered by the worker like any event (even while the
    webhook is disabled: that is when an admin wants to know whether the receiver is back)."""
    user = actor.user
    data: TestPingData = {
        "webhook_id": webhook.pk,
        "message": TEST_MESSAGE,
        "requested_by": user.username if user else None,
    }
    return Delivery.objects.create(webhook=webhook, event=TEST_EVENT, body=_body(TEST_EVENT, dict(data)))


# --- Attempts -------------------------------------------------------------------------------------


def classify(answer: Answer) -> Outcome:
    """2xx succeeds; timeouts, connection errors, 408, 429 and 5xx are worth another try;
    anything else (other 4xx, a redirect, an address the hub refuses) will not change."""
    code = answer.status_code
    if code is None:
        return Outcome.FAILED if answer.refused else Outcome.RETRY
    if 200 <= code < 300:
        return Outcome.SUCCEEDED
    if code in (408, 429) or code >= 500:
        return Outcome.RETRY
    return Outcome.FAILED


def retry_delay(attempt: int, answer: Answer) -> float:
    """Seconds before the next attempt, after attempt number ``attempt`` failed.

    ``Retry-After`` on a 429 or 503 is honoured (up to the cap); otherwise full jitter: a
    uniformly random wait between 0 and ``min(cap, base * 2^(attempt-1))``, at least a second.
    """
    if answer.status_code in (429, 503) and answer.retry_after is not None:
        return float(min(max(answer.retry_after, 1.0), RETRY_CAP_SECONDS))
    ceiling = min(RETRY_CAP_SECONDS, RETRY_BASE_SECONDS * 2 ** min(attempt - 1, 20))
    return max(1.0, _rng.uniform(0, ceiling))


def record_attempt(delivery_id: int, number: int, started_at: datetime, answer: Answer) -> Outcome | None:
    """Record one attempt, move the delivery on and update the webhook's health, disabling it
    when it has failed for too long. None when the webhook or delivery was deleted meanwhile."""
    hook_id = Delivery.objects.filter(pk=delivery_id).values_list("webhook_id", flat=True).first()
    if hook_id is None:
        return None
    with transaction.atomic():
        # Webhook first, then delivery: the order every writer of both takes.
        webhook = Webhook.objects.select_for_update().filter(pk=hook_id).first()
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if webhook is None or delivery is None:
            return None
        now = timezone.now()
        outcome = classify(answer)
        if outcome == Outcome.RETRY and number >= settings.WEBHOOK_MAX_ATTEMPTS:
            outcome = Outcome.FAILED
        error = answer.error or ("" if outcome == Outcome.SUCCEEDED else f"HTTP {answer.status_code}")
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=number,
            started_at=started_at,
            duration_ms=answer.duration_ms,
            status_code=answer.status_code,
            response_body=answer.body,
            error=error,
            outcome=outcome,
        )
        if delivery.status == DeliveryStatus.PENDING:
            _move_on(delivery, outcome, number, answer, error, now)
        _update_health(webhook, outcome, error, now)
    return outcome


def _move_on(delivery: Delivery, outcome: Outcome, number: int, answer: Answer, error: str, now: datetime) -> None:
    delivery.last_status_code = answer.status_code
    delivery.last_error = error[:500]
    if outcome == Outcome.RETRY:
        delivery.next_attempt_at = now + timedelta(seconds=retry_delay(number, answer))
    else:
        delivery.status = DeliveryStatus.SUCCEEDED if outcome == Outcome.SUCCEEDED else DeliveryStatus.FAILED
        delivery.next_attempt_at = None
        delivery.finished_at = now
    delivery.save(update_fields=["last_status_code", "last_error", "next_attempt_at", "status", "finished_at"])


def _update_health(webhook: Webhook, outcome: Outcome, error: str, now: datetime) -> None:
    webhook.last_delivery_at = now
    if outcome == Outcome.SUCCEEDED:
        webhook.last_delivery_status = DeliveryStatus.SUCCEEDED
        webhook.consecutive_failures = 0
        webhook.failing_since = None
    else:
        webhook.last_delivery_status = DeliveryStatus.FAILED
        webhook.consecutive_failures += 1
        webhook.failing_since = webhook.failing_since or now
    if webhook.should_disable(now):
        _disable(webhook, error, now)
    webhook.save()


def _disable(webhook: Webhook, last_error: str, now: datetime) -> None:
    since = webhook.failing_since or now
    webhook.enabled = False
    webhook.disabled_at = now
    webhook.disabled_reason = (
        f"{webhook.consecutive_failures} failed attempts in a row since {since:%Y-%m-%d %H:%M} UTC; last: {last_error}"
    )[:500]
    _cancel_pending(webhook, "webhook disabled")
    record_audit(
        "webhook.disabled",
        actor=Actor.system(),
        target=webhook,
        details={
            "host": webhook.host,
            "consecutive_failures": webhook.consecutive_failures,
            "failing_since": iso(since),
            "reason": webhook.disabled_reason,
        },
    )
    logger.warning("Webhook %s (%s) disabled: %s", webhook.pk, webhook.host, webhook.disabled_reason)
    webhook_id = webhook.pk
    transaction.on_commit(lambda: tell_owner_disabled(webhook_id))


def tell_owner_disabled(webhook_id: int) -> bool:
    """Email the user who created the webhook that it was switched off. True if sent."""
    webhook = Webhook.objects.select_related("created_by").filter(pk=webhook_id).first()
    owner = webhook.created_by if webhook is not None else None
    if webhook is None or owner is None or not owner.email:
        logger.warning("Webhook %s was disabled and has no owner to tell", webhook_id)
        return False
    message = (
        f"Hello {owner.username},\n\n"
        f"The webhook #{webhook.pk} to {webhook.host} that you created was disabled, because "
        f"its receiver kept failing:\n\n  {webhook.disabled_reason}\n\n"
        "Its delivery history is at GET /api/v1/webhooks/{id}/deliveries. Once the receiver "
        'works again, re-enable it with PUT /api/v1/webhooks/{id} and "enabled": true (and '
        "POST /api/v1/webhooks/{id}/test to check).\n".replace("{id}", str(webhook.pk))
    )
    try:
        send_mail(f"[ChatOps] Webhook #{webhook.pk} to {webhook.host} disabled", message, None, [owner.email])
    except Exception:
        logger.exception("Could not email the owner of disabled webhook %s", webhook_id)
        return False
    return True
