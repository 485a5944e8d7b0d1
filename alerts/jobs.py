"""Background jobs of alerts (run by the worker): the silent-server alert, repeats, email,
routing (groups, silences, escalation)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alerts import services
from alerts.models import EmailNotification
from alerts.services.routing import route_alerts
from chatops.registry import Job
from notifications import mail
from webhooks.jobs import prune as prune_deliveries

logger = logging.getLogger(__name__)

EMAIL_ATTEMPTS = 5


def watch() -> dict[str, Any]:
    """Raise ``server.offline`` for silent servers and resolve it for those back; send due
    repeats."""
    counts: dict[str, Any] = services.evaluate_offline()
    counts["repeated"] = services.send_repeats()
    return counts


def _email(notification: EmailNotification) -> tuple[str, str]:
    data = services.alert_data(notification.alert)
    state = {
        "alert.created": "FIRING",
        "alert.repeated": "STILL FIRING",
        "alert.resolved": "RESOLVED",
        "alert.unsilenced": "FIRING (silence ended)",
    }.get(notification.event, notification.event)
    subject = f"[ChatOps] {state}: {data['name']} on {data['server_name']} ({data['severity']})"
    lines = [
        f"{data['name']} on {data['server_name']}: {data['message']}",
        "",
        f"Status:     {data['status']}",
        f"Severity:   {data['severity']}",
        f"Started:    {data['started_at']}",
    ]
    if data["metric"]:
        lines += [f"Value:      {data['value']:g} (peak {data['peak_value']:g})"]
    if data["resolved_at"]:
        lines += [f"Resolved:   {data['resolved_at']}" + (f" by {data['resolved_by']}" if data["resolved_by"] else "")]
    if settings.SITE_URL:
        lines += ["", f"{settings.SITE_URL}/alerts/{data['id']}"]
    lines += ["", "You get this because alert emails are on in your ChatOps profile."]
    return subject, "\n".join(lines)


def send_emails(limit: int = 50) -> int:
    """Send queued alert emails (one message per notification, the recipients in Bcc-free
    individual sends so addresses are not shared). A failure is retried with backoff."""
    now = timezone.now()
    with transaction.atomic():
        batch = list(
            EmailNotification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("alert__server", "alert__acknowledged_by", "alert__resolved_by")
            .filter(sent_at__isnull=True, attempts__lt=EMAIL_ATTEMPTS, next_attempt_at__lte=now)
            .order_by("next_attempt_at")[:limit]
        )
        # Claimed: push the retry time forward before sending, outside this transaction.
        EmailNotification.objects.filter(pk__in=[n.pk for n in batch]).update(
            next_attempt_at=now + timedelta(minutes=5)
        )
    sent = 0
    # The provider an admin configured (else the EMAIL_* settings), as every other email.
    provider = mail.current() if batch else None
    for notification in batch:
        subject, body = _email(notification)
        try:
            for address in notification.recipients:
                mail.send(address, subject, body, provider=provider)
        except Exception as exc:
            attempts = notification.attempts + 1
            logger.warning("Alert email %s failed (attempt %d): %s", notification.pk, attempts, type(exc).__name__)
            EmailNotification.objects.filter(pk=notification.pk).update(
                attempts=attempts,
                last_error=f"{type(exc).__name__}: {exc}"[:500],
                next_attempt_at=timezone.now() + timedelta(seconds=30 * 2**attempts),
            )
            continue
        EmailNotification.objects.filter(pk=notification.pk).update(
            attempts=notification.attempts + 1, sent_at=timezone.now(), last_error=""
        )
        sent += 1
    return sent


def prune(now: datetime | None = None) -> int:
    """Delete sent alert emails older than the notifications' retention (alerts stay)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_DAYS["notifications"])
    return EmailNotification.objects.filter(sent_at__lt=cutoff).delete()[0]


def prune_notifications() -> dict[str, int]:
    """The retention of what was sent: webhook deliveries and alert emails, one job under the
    name it has always had. Alerts runs it because it may import webhooks (webhooks may not
    import alerts: it would make a circle)."""
    return {"deliveries": prune_deliveries(), "emails": prune()}


#: What the worker runs for alerts (registered by ``AlertsConfig.ready``).
JOBS = (
    Job("alerts.watch", 5, watch),
    Job("alerts.email", 5, send_emails),
    # Routes, groups, silences' beginnings and ends, escalation (alerts.services.routing).
    Job("alerts.route", 5, route_alerts),
    Job("notifications.prune", 3600, prune_notifications),
)
