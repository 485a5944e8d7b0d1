"""Notification channels (where people are reached), notifications (what is said) and their
deliveries (one per channel, user inbox, address or chat room: the outbox the worker drains)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models import Team
from chatops.crypto import EncryptedTextField
from notifications.choices import (
    ChannelKind,
    DeliveryStatus,
    EmailProviderKind,
    NotificationStatus,
    Severity,
    SmtpSecurity,
)
from notifications.querysets import NotificationDeliveryQuerySet, NotificationQuerySet


class ChannelQuerySet(models.QuerySet["NotificationChannel"]):
    def manageable_by(self, user: Any) -> ChannelQuerySet:
        """Who may see and change which channels, the one rule the API and the services use:
        admins every channel (users' and teams'), anyone else their own. In-app channels are
        nobody's to manage (the inbox is always on), so they are not among them."""
        if user is None or not user.is_authenticated:
            return self.none()
        mine = self.exclude(kind=ChannelKind.INAPP)
        return mine if user.is_admin else mine.filter(user=user)


class NotificationChannel(models.Model):
    """A user's or a team's way to be reached. ``target`` is the secret part (an email
    address, a webhook URL, an Apprise URL with its tokens): encrypted at rest, shown masked."""

    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=16, choices=ChannelKind.choices)
    target = EncryptedTextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="notification_channels"
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, blank=True, related_name="notification_channels"
    )
    enabled = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChannelQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=True) | models.Q(team__isnull=True),
                name="notifications_channel_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


class Notification(models.Model):
    """One thing said to some recipients: an alert (or a group of them), a test, a message an
    admin sent through ``POST /notifications``."""

    type = models.CharField(max_length=64, db_index=True)
    severity = models.CharField(max_length=16, choices=Severity.choices, default=Severity.INFO)
    subject = models.CharField(max_length=200)
    content = models.TextField(max_length=20000)
    #: ``content`` rendered once when sent (``notifications.rendering``): plain text, and HTML
    #: safe to show (raw HTML escaped, links only to http(s) and mailto).
    content_text = models.TextField(blank=True)
    content_html = models.TextField(blank=True)
    #: What the recipients were asked for (user, team, channel ids, addresses, rooms), as given.
    recipients = models.JSONField(default=dict)
    #: Machine-readable details (an alert group's alerts, …) for webhooks and the timeline.
    data = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=16, choices=NotificationStatus.choices, default=NotificationStatus.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.type}: {self.subject}"


class Delivery(models.Model):
    """One notification to one place: a channel, a user's in-app inbox, an email address, or a
    chat room (``target_kind`` names a target another app registered, like ``chat_room``)."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(max_length=32)  # a ChannelKind, or a registered target kind
    channel = models.ForeignKey(
        NotificationChannel, on_delete=models.SET_NULL, null=True, blank=True, related_name="deliveries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    address = models.CharField(max_length=254, blank=True)  # an email address given directly
    target_id = models.BigIntegerField(null=True, blank=True)  # a registered target's object (a room)
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    #: In-app deliveries: when the user read it.
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "deliveries"
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notif_delivery_due_idx"),
            # The queue as the claim reads it (``jobs.claim``: open ones in due order, a few at a
            # time): walked in order, it stops after those few. Without it each claim joined
            # and sorted every open delivery (20 ms at 10,000; a storm's thousands of claims
            # cost PostgreSQL the CPU that ingest needed, bench/README.md "notify").
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=models.Q(status__in=[DeliveryStatus.PENDING, DeliveryStatus.HELD]),
                name="notif_delivery_queue_idx",
            ),
            models.Index(fields=["user", "kind", "read_at"], name="notif_delivery_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} of notification {self.notification_id} ({self.status})"


class EmailProvider(models.Model):
    """The hub's way to send email when an admin configured one through the API (one row at
    most, ``SINGLETON``; none: Django's ``EMAIL_*`` settings). SMTP (host, port, security,
    username, password) or an API provider through django-anymail (its credentials and
    options). Passwords and API keys are encrypted at rest and only ever shown masked."""

    SINGLETON = 1

    provider = models.CharField(max_length=32, choices=EmailProviderKind.choices)
    #: The sender; empty: ``DEFAULT_FROM_EMAIL``.
    from_email = models.CharField(max_length=254, blank=True)
    host = models.CharField(max_length=253, blank=True)
    port = models.PositiveIntegerField(null=True, blank=True)
    security = models.CharField(max_length=16, choices=SmtpSecurity.choices, default=SmtpSecurity.STARTTLS)
    username = models.CharField(max_length=254, blank=True)
    password = EncryptedTextField(blank=True)
    #: An API provider's secrets (``{"api_key": …}``), as one encrypted JSON object.
    credentials = EncryptedTextField(blank=True)
    #: Its settings that are not secret (``api_url``, ``sender_domain``, ``region_name``).
    options = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="notifications_email_provider_singleton")]

    def __str__(self) -> str:
        return f"Email through {self.get_provider_display()}"

    @property
    def secrets(self) -> dict[str, str]:
        return dict(json.loads(self.credentials)) if self.credentials else {}

    @secrets.setter
    def secrets(self, value: dict[str, str]) -> None:
        self.credentials = json.dumps(value, sort_keys=True) if value else ""


# Per-user quiet hours live in their own module; imported here so Django finds the model.
from notifications.preferences import NotificationPreference  # noqa: E402

__all__ = ["Delivery", "EmailProvider", "Notification", "NotificationChannel", "NotificationPreference"]
