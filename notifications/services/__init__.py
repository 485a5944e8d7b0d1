"""Sending notifications: resolve the recipients to deliveries, in the caller's transaction
(an outbox: the worker delivers after commit, and a rolled-back change notifies nobody).

A delivery to a user's own channel (not their inbox, not a team's channel) created while that
user is in their quiet hours is ``held`` until the hours end, unless the notification is
``critical`` (``notifications.preferences``). ``notifications.jobs`` delivers them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import Team, User
from accounts.services import record_audit
from notifications import targets
from notifications.choices import ChannelKind, DeliveryStatus, NotificationStatus, Severity
from notifications.models import Delivery, Notification, NotificationChannel
from notifications.preferences import quiet_until_by_user
from notifications.rendering import Format, render


@dataclass(frozen=True)
class Recipients:
    users: Sequence[int] = ()
    teams: Sequence[int] = ()
    channels: Sequence[int] = ()
    addresses: Sequence[str] = ()
    #: Registered targets: ``{"chat_room": [3, 5]}``.
    targets: dict[str, Sequence[int]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "users": list(self.users),
            "teams": list(self.teams),
            "channels": list(self.channels),
            "addresses": list(self.addresses),
            **({"targets": {k: list(v) for k, v in self.targets.items()}} if self.targets else {}),
        }

    def __bool__(self) -> bool:
        return bool(self.users or self.teams or self.channels or self.addresses or any(self.targets.values()))


def _user_deliveries(user: User, seen_channels: set[int]) -> list[Delivery]:
    """A user's own enabled channels, and always their in-app inbox."""
    out = [Delivery(kind=ChannelKind.INAPP, user=user)]
    for channel in NotificationChannel.objects.filter(user=user, enabled=True):
        if channel.kind == ChannelKind.INAPP or channel.pk in seen_channels:
            continue
        seen_channels.add(channel.pk)
        out.append(Delivery(kind=channel.kind, channel=channel, user=user))
    return out


def resolve(recipients: Recipients) -> list[Delivery]:
    """One unsaved delivery per place to send to, each place once. Unknown ids are a
    ``ValidationError`` naming them (nothing is sent)."""
    users = {u.pk: u for u in User.objects.filter(pk__in=recipients.users, is_active=True)}
    missing_users = sorted(set(recipients.users) - set(users))
    teams = {t.pk: t for t in Team.objects.filter(pk__in=recipients.teams).prefetch_related("members")}
    missing_teams = sorted(set(recipients.teams) - set(teams))
    channels = {c.pk: c for c in NotificationChannel.objects.filter(pk__in=recipients.channels)}
    missing_channels = sorted(set(recipients.channels) - set(channels))
    errors: dict[str, str] = {}
    if missing_users:
        errors["users"] = f"No active user with id {', '.join(map(str, missing_users))}."
    if missing_teams:
        errors["teams"] = f"No team with id {', '.join(map(str, missing_teams))}."
    if missing_channels:
        errors["channels"] = f"No channel with id {', '.join(map(str, missing_channels))}."
    for kind, ids in recipients.targets.items():
        registered = targets.target(kind)
        if registered is None:
            errors["targets"] = f"Unknown target kind {kind!r}."
            continue
        absent = [i for i in ids if not registered.exists(i)]
        if absent:
            errors["targets"] = f"No {registered.label} with id {', '.join(map(str, absent))}."
    if errors:
        raise ValidationError(errors)

    deliveries: list[Delivery] = []
    seen_users: set[int] = set()
    seen_channels: set[int] = set()
    for team in teams.values():
        for channel in NotificationChannel.objects.filter(team=team, enabled=True):
            if channel.pk not in seen_channels:
                seen_channels.add(channel.pk)
                deliveries.append(Delivery(kind=channel.kind, channel=channel))
        for member in team.members.all():
            if member.is_active:
                users.setdefault(member.pk, member)
    for user in users.values():
        if user.pk not in seen_users:
            seen_users.add(user.pk)
            deliveries += _user_deliveries(user, seen_channels)
    for channel in channels.values():
        if channel.pk not in seen_channels:
            seen_channels.add(channel.pk)
            deliveries.append(Delivery(kind=channel.kind, channel=channel))
    for address in dict.fromkeys(a.strip().lower() for a in recipients.addresses):
        deliveries.append(Delivery(kind=ChannelKind.EMAIL, address=address))
    for kind, ids in recipients.targets.items():
        for target_id in dict.fromkeys(ids):
            deliveries.append(Delivery(kind=kind, target_id=target_id))
    return deliveries


def hold_for_quiet_hours(deliveries: list[Delivery], severity: str, now: datetime) -> int:
    """Hold the deliveries to users' own channels whose owners are in their quiet hours, until
    those end; ``critical`` passes through. Returns how many were held."""
    if severity == Severity.CRITICAL:
        return 0
    owned = [d for d in deliveries if d.kind != ChannelKind.INAPP and d.channel is not None and d.channel.user_id]
    until = quiet_until_by_user({d.channel.user_id for d in owned if d.channel is not None and d.channel.user_id}, now)
    held = 0
    for delivery in owned:
        assert delivery.channel is not None
        end = until.get(delivery.channel.user_id or 0)
        if end is not None:
            delivery.status = DeliveryStatus.HELD
            delivery.next_attempt_at = end
            held += 1
    return held


@dataclass(frozen=True)
class Outgoing:
    """One notification for ``send_many``: ``send``'s arguments but the actor."""

    type: str
    subject: str
    content: str
    recipients: Recipients
    severity: str = Severity.INFO
    data: dict[str, Any] | None = None
    format: Format = "markdown"


def _copy(delivery: Delivery) -> Delivery:
    return Delivery(
        kind=delivery.kind,
        channel=delivery.channel,
        user=delivery.user,
        address=delivery.address,
        target_id=delivery.target_id,
    )


def send_many(actor: Actor, outgoing: Sequence[Outgoing]) -> list[Notification]:
    """Queue several notifications at once, as ``send`` does each: the recipients each distinct
    set names are resolved once, and the notifications and their deliveries are written in one
    statement each (a storm's routing sends hundreds in one transaction)."""
    if not outgoing:
        return []
    now = timezone.now()
    resolved: dict[str, list[Delivery]] = {}
    per_item: list[list[Delivery]] = []
    for item in outgoing:
        key = repr(sorted(item.recipients.as_json().items()))
        if key not in resolved:
            resolved[key] = resolve(item.recipients)
        deliveries = [_copy(d) for d in resolved[key]]
        hold_for_quiet_hours(deliveries, item.severity, now)
        per_item.append(deliveries)
    notifications = []
    for item, deliveries in zip(outgoing, per_item, strict=True):
        text, html = render(item.content, item.format)
        notifications.append(
            Notification(
                type=item.type,
                severity=item.severity,
                subject=item.subject[:200],
                content=item.content,
                content_text=text,
                content_html=html,
                recipients=item.recipients.as_json(),
                data=item.data or {},
                created_by=actor.user,
                created_at=now,
                # Nobody to deliver to (a team without members or channels): nothing left to do.
                status=NotificationStatus.PENDING if deliveries else NotificationStatus.SENT,
                finished_at=None if deliveries else now,
            )
        )
    Notification.objects.bulk_create(notifications)  # PostgreSQL and SQLite return the ids
    rows: list[Delivery] = []
    for notification, deliveries in zip(notifications, per_item, strict=True):
        assert notification.pk is not None, "bulk_create returned no ids"
        for delivery in deliveries:
            delivery.notification = notification
            delivery.created_at = now
        rows += deliveries
    Delivery.objects.bulk_create(rows)
    return notifications


def send(
    actor: Actor,
    *,
    type: str,
    subject: str,
    content: str,
    recipients: Recipients,
    severity: str = Severity.INFO,
    data: dict[str, Any] | None = None,
    format: Format = "markdown",
) -> Notification:
    """Queue one notification to ``recipients``: saved with its deliveries in the current
    transaction; the worker delivers them after commit. ``content`` is Markdown (or plain text
    with ``format="text"``), rendered here once as text and safe HTML."""
    (notification,) = send_many(actor, [Outgoing(type, subject, content, recipients, severity, data, format)])
    return notification


def notify(
    actor: Actor,
    *,
    type: str,
    subject: str,
    content: str,
    recipients: Recipients,
    severity: str = Severity.INFO,
    format: Format = "markdown",
) -> Notification:
    """A notification someone sends by hand (``POST /api/v1/notifications``): sent as ``send``
    does, and audited (``notification.sent``)."""
    with transaction.atomic():
        notification = send(
            actor, type=type, subject=subject, content=content, recipients=recipients, severity=severity, format=format
        )
        record_audit(
            "notification.sent",
            actor=actor,
            target=notification,
            details={
                "type": type,
                "severity": severity,
                "subject": notification.subject,
                # Counts, not the addresses or ids: the notification itself keeps those.
                "recipients": {k: len(v) for k, v in recipients.as_json().items() if isinstance(v, list)},
                "deliveries": notification.deliveries.count(),
            },
        )
    return notification
