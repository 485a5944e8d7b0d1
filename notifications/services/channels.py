"""Notification channels: a user's own, or (admins) anyone's and teams'. Each change is
validated (the target for its kind, the address rule) and audited, never with the target."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import Team, User
from accounts.services import record_audit
from notifications import channel_targets, transports
from notifications.choices import ChannelKind
from notifications.models import NotificationChannel

EDITABLE = ("name", "kind", "target", "enabled")


def _clean_target(kind: str, target: str) -> str:
    if kind not in channel_targets.CREATABLE_KINDS:
        if kind == ChannelKind.INAPP:
            raise ValidationError(
                {"kind": ["The in-app inbox is always on for every user; it is not a channel to create."]}
            )
        raise ValidationError({"kind": [f"Unknown kind {kind!r}."]})
    try:
        return channel_targets.clean(kind, target)
    except DjangoValidationError as exc:
        raise ValidationError({"target": exc.messages}) from None


def _owner(actor: Actor, user: User | None, team: Team | None) -> tuple[User | None, Team | None]:
    """Who the new channel belongs to: the actor, unless an admin names a user or a team."""
    is_admin = actor.has_role(Role.ADMIN)
    if team is not None:
        if not is_admin:
            raise PermissionDenied("Only admins may manage team channels.")
        if user is not None:
            raise ValidationError({"team": ["A channel belongs to a user or to a team, not both."]})
        return None, team
    if user is not None and user != actor.user:
        if not is_admin:
            raise PermissionDenied("You may only create channels of your own.")
        return user, None
    if actor.user is None:
        raise ValidationError({"user": ["Name the user or the team the channel belongs to."]})
    return actor.user, None


def _details(channel: NotificationChannel, **extra: Any) -> dict[str, Any]:
    """What the audit log says of a channel: never its target."""
    return {
        "name": channel.name,
        "kind": channel.kind,
        "service": channel_targets.service(channel.kind, channel.target),
        "user": channel.user_id,
        "team": channel.team_id,
        **extra,
    }


def ensure_manageable(actor: Actor, channel: NotificationChannel) -> None:
    """Somebody else's channel is not there for this actor (404), as the API shows it."""
    if actor.is_system:
        return
    if not NotificationChannel.objects.manageable_by(actor.user).filter(pk=channel.pk).exists():
        raise NotFound()


def create_channel(
    actor: Actor,
    *,
    name: str,
    kind: str,
    target: str,
    enabled: bool = True,
    user: User | None = None,
    team: Team | None = None,
) -> NotificationChannel:
    owner, owning_team = _owner(actor, user, team)
    target = _clean_target(kind, target)
    with transaction.atomic():
        channel = NotificationChannel.objects.create(
            name=name, kind=kind, target=target, enabled=enabled, user=owner, team=owning_team, created_by=actor.user
        )
        record_audit("notification_channel.created", actor=actor, target=channel, details=_details(channel))
    return channel


def update_channel(actor: Actor, channel: NotificationChannel, **changes: Any) -> NotificationChannel:
    """Change name, kind, target or enabled; a new kind or target is validated anew."""
    ensure_manageable(actor, channel)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: ["This field cannot be changed."] for name in sorted(unknown)})
    kind = changes.get("kind", channel.kind)
    if "kind" in changes or "target" in changes:
        changes["target"] = _clean_target(kind, changes.get("target", channel.target))
    changed = sorted(name for name, value in changes.items() if getattr(channel, name) != value)
    if not changed:
        return channel
    with transaction.atomic():
        for name in changed:
            setattr(channel, name, changes[name])
        channel.save(update_fields=[*changed, "updated_at"])
        # Names of the fields only: a changed target is not repeated.
        record_audit(
            "notification_channel.updated", actor=actor, target=channel, details=_details(channel, changed=changed)
        )
    return channel


def delete_channel(actor: Actor, channel: NotificationChannel) -> None:
    ensure_manageable(actor, channel)
    with transaction.atomic():
        record_audit("notification_channel.deleted", actor=actor, target=channel, details=_details(channel))
        channel.delete()


def send_channel_test(actor: Actor, channel: NotificationChannel) -> transports.ChannelCheck:
    """Send a test message through the channel now and say how it went (audited)."""
    ensure_manageable(actor, channel)
    result = transports.send_test(channel)
    record_audit(
        "notification_channel.tested",
        actor=actor,
        target=channel,
        details=_details(channel, ok=result.ok, duration_ms=result.duration_ms),
    )
    return result
