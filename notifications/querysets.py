"""Rules about notifications and deliveries as querysets: who sees what, what is due, an inbox."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models

from accounts.choices import Role
from notifications.choices import ChannelKind, DeliveryStatus

if TYPE_CHECKING:
    # Named in strings only (the models import this module).
    from notifications.models import Delivery, Notification  # noqa: F401


class NotificationQuerySet(models.QuerySet["Notification"]):
    def visible_to(self, user: Any) -> NotificationQuerySet:
        """Admins see every notification; anyone else those they sent and those they received
        (a delivery of it is theirs: their inbox, or a channel of theirs)."""
        if user.has_role(Role.ADMIN):
            return self
        from notifications.models import Delivery

        received = Delivery.objects.filter(notification=models.OuterRef("pk"), user=user)
        return self.filter(models.Q(created_by=user) | models.Q(models.Exists(received)))


class NotificationDeliveryQuerySet(models.QuerySet["Delivery"]):
    def due(self, now: datetime) -> NotificationDeliveryQuerySet:
        """Deliveries to make now: pending ones whose (next) attempt is due, and held ones whose
        quiet hours have ended. A delivery leased to a worker is pending with its next attempt
        in the future, so it is not due until the lease runs out."""
        return self.filter(status__in=(DeliveryStatus.PENDING, DeliveryStatus.HELD), next_attempt_at__lte=now)

    def in_app(self) -> NotificationDeliveryQuerySet:
        """Inbox items: in-app deliveries, once delivered."""
        return self.filter(kind=ChannelKind.INAPP, status=DeliveryStatus.DELIVERED)

    def inbox(self, user: Any) -> NotificationDeliveryQuerySet:
        """A user's in-app notifications."""
        return self.in_app().filter(user=user)

    def unread(self) -> NotificationDeliveryQuerySet:
        return self.filter(read_at__isnull=True)

    def open(self) -> NotificationDeliveryQuerySet:
        """Not final yet: pending or held."""
        return self.filter(status__in=(DeliveryStatus.PENDING, DeliveryStatus.HELD))
