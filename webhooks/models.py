"""Outgoing webhooks: endpoints, deliveries and their attempts."""

from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone

from chatops.crypto import EncryptedTextField
from chatops.db import select_plain
from webhooks.choices import TEST_EVENT, DeliveryStatus, Outcome

SECRET_PREFIX = "whsec_"  # noqa: S105 - marks a webhook secret; not a secret itself
MAX_URL_LENGTH = 2000
RESPONSE_BODY_LIMIT = 1024  # bytes of a receiver's answer kept per attempt

# ``Delivery.event``'s choices as migration 0001 froze them, kept as they are on purpose. The
# event types come from the apps' registrations (``webhooks.choices``), which exist only once
# every app is ready, after this module is imported; and a list that grew with each app's
# events would ask for a migration of this app whenever another app adds one. So nothing is
# validated against this list: ``services.enqueue`` checks the registry, and the API's enums
# and filters are built from it. It only labels the console's filter.
_EVENT_CHOICES_AS_MIGRATED = [
    ("alert.created", "Alert created"),
    ("alert.acknowledged", "Alert acknowledged"),
    ("alert.resolved", "Alert resolved"),
    ("server.offline", "Server offline"),
    ("server.online", "Server online"),
    ("command.completed", "Command completed"),
    ("webhook.test", "Test ping"),
]


class WebhookQuerySet(models.QuerySet["Webhook"]):
    def enabled(self) -> WebhookQuerySet:
        return self.filter(enabled=True)

    SUBSCRIBED_FIELDS = frozenset({"id", "events"})

    def subscribed_to(self, event: str) -> list[Webhook]:
        """Enabled webhooks that want ``event``, with only their id and events loaded (what an
        outbox row needs; the rest, the secret included, is read when sending). Filtered in
        Python: SQLite cannot look inside a JSON list, and a hub has a handful of webhooks, not
        thousands. A plain statement: every chat message and alert change asks, mostly to hear
        "none", and building the ORM's query cost three times the CPU (bench/README.md,
        session 15)."""
        hooks = select_plain(self.model, "t.enabled ORDER BY t.id", [], fields=self.SUBSCRIBED_FIELDS, using=self.db)
        return [hook for hook in hooks if event in hook.events]


class Webhook(models.Model):
    """An endpoint that is sent the fleet's events, signed with its secret.

    Signing needs the secret itself, so it is stored encrypted (``chatops.crypto``), not hashed:
    the column holds a token, the attribute the secret. It is shown once, at creation, and
    never returned, logged or audited afterwards.
    """

    url = models.CharField(max_length=MAX_URL_LENGTH)
    events = models.JSONField(default=list)
    secret = EncryptedTextField()
    enabled = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Health: consecutive failed attempts, since when, and why it was switched off (if it was).
    consecutive_failures = models.PositiveIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=500, blank=True)
    last_delivery_status = models.CharField(
        max_length=16,
        blank=True,
        choices=[(DeliveryStatus.SUCCEEDED, "Succeeded"), (DeliveryStatus.FAILED, "Failed")],
    )
    last_delivery_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WebhookQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.host}"

    @staticmethod
    def generate_secret() -> str:
        return SECRET_PREFIX + secrets.token_urlsafe(32)

    @property
    def host(self) -> str:
        """Scheme and host only: what logs and the audit log may name (a URL's path or query
        can itself be a credential, as with chat services' incoming webhooks)."""
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        return f"{parts.scheme}://{f'[{host}]' if ':' in host else host}"

    def should_disable(self, now: datetime) -> bool:
        """Failing long enough, and often enough, to be switched off (settings decide both)."""
        if not self.enabled or self.failing_since is None:
            return False
        long_enough = now - self.failing_since >= timedelta(hours=settings.WEBHOOK_DISABLE_AFTER_HOURS)
        return long_enough and self.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER_FAILURES


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def due(self, now: datetime) -> DeliveryQuerySet:
        """Pending deliveries whose time has come. A disabled webhook gets only test pings."""
        return self.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).filter(
            models.Q(webhook__enabled=True) | models.Q(event=TEST_EVENT)
        )


class Delivery(models.Model):
    """One event for one webhook: the exact body sent on every attempt, and where it stands."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=32, choices=_EVENT_CHOICES_AS_MIGRATED)
    body = models.TextField()
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempt_count = models.PositiveIntegerField(default=0)
    # When the next attempt may start; while an attempt runs, the end of its lease (a worker
    # that dies mid-attempt leaves the delivery to be picked up again). Null once final.
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due_idx"),
            models.Index(fields=["webhook", "created_at"], name="webhook_delivery_hook_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.event} → webhook {self.webhook_id} ({self.status})"

    @property
    def payload(self) -> Any:
        return json.loads(self.body)


class DeliveryAttempt(models.Model):
    """One HTTP request of a delivery, whatever came of it."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    error = models.CharField(max_length=500, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"delivery {self.delivery_id} attempt {self.number}: {self.status_code or self.error[:40]}"
