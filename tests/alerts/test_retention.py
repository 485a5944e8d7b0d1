"""Notifications do not pile up: finished webhook deliveries and sent alert emails older than
RETENTION_NOTIFICATIONS_DAYS go; pending ones and the alerts stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.jobs import prune as prune_emails
from alerts.models import Alert, EmailNotification
from webhooks.jobs import prune as prune_deliveries
from webhooks.models import Delivery, Webhook

pytestmark = pytest.mark.django_db


def test_old_finished_notifications_are_pruned(server, admin, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "notifications": 30}
    now = timezone.now()
    old, recent = now - timedelta(days=31), now - timedelta(days=29)
    hook = Webhook.objects.create(url="https://1.1.1.1/h", events=["alert.created"], secret="s", created_by=admin)
    done_old = Delivery.objects.create(webhook=hook, event="alert.created", body="{}", status="succeeded",
                                       finished_at=old)  # fmt: skip
    Delivery.objects.create(webhook=hook, event="alert.created", body="{}", status="failed", finished_at=recent)
    pending = Delivery.objects.create(webhook=hook, event="alert.created", body="{}")
    alert = Alert.objects.create(server=server, name="x", severity="info", message="m", started_at=old)
    EmailNotification.objects.create(alert=alert, event="alert.created", next_attempt_at=old, sent_at=old)
    unsent = EmailNotification.objects.create(alert=alert, event="alert.created", next_attempt_at=old)
    assert prune_deliveries(now) == 1
    assert prune_emails(now) == 1
    assert not Delivery.objects.filter(pk=done_old.pk).exists()
    assert Delivery.objects.filter(pk=pending.pk).exists() and Delivery.objects.count() == 2
    assert list(EmailNotification.objects.all()) == [unsent]
    assert Alert.objects.filter(pk=alert.pk).exists()
