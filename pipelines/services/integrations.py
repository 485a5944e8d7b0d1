"""Admins' changes to integrations and rooms' follows, each audited, and the retention of raw
deliveries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from chat.models import Room
from chatops.api.exceptions import UniqueConflict
from pipelines.models import Delivery, Follow, Integration

_SAFE = ("name", "provider", "repositories", "environment_mapping", "server_mapping", "delivery_retention_hours")


def _details(integration: Integration) -> dict[str, Any]:
    return {name: getattr(integration, name) for name in _SAFE} | {"enabled": integration.enabled}


def create_integration(actor: Actor, *, secret: str | None = None, **fields: Any) -> tuple[Integration, str]:
    """Create an integration; returns it with its secret (generated when not given), the one
    time the secret leaves the hub."""
    raw = secret or Integration.generate_secret()
    with transaction.atomic():
        integration = Integration.objects.create(secret=raw, created_by=actor.user, **fields)
        record_audit(
            "integration.created",
            actor=actor,
            target=integration,
            details=_details(integration) | {"secret_generated": not secret},
        )
    return integration, raw


def update_integration(actor: Actor, integration: Integration, **fields: Any) -> Integration:
    with transaction.atomic():
        locked = Integration.objects.select_for_update().get(pk=integration.pk)
        changed = sorted(key for key, value in fields.items() if getattr(locked, key) != value)
        for key, value in fields.items():
            setattr(locked, key, value)
        locked.save()
        # Names only for the secret: never its value.
        record_audit("integration.updated", actor=actor, target=locked, details=_details(locked) | {"changed": changed})
    return locked


def delete_integration(actor: Actor, integration: Integration) -> None:
    """Its deliveries go with it; its pipelines and deployments stay (DORA's history)."""
    with transaction.atomic():
        record_audit("integration.deleted", actor=actor, target=integration, details=_details(integration))
        integration.delete()


def prune_deliveries(now: Any = None) -> int:
    """Delete raw deliveries older than their integration's retention (processed ones only:
    an accepted delivery not yet applied is kept until the worker applied it)."""
    now = now or timezone.now()
    deleted = 0
    for integration_id, hours in Integration.objects.values_list("pk", "delivery_retention_hours"):
        cutoff = now - timedelta(hours=hours)
        old = Delivery.objects.filter(integration_id=integration_id, received_at__lt=cutoff)
        count, _ = old.exclude(verdict="accepted", processed_at__isnull=True).delete()
        deleted += count
    return deleted


def _may_manage(actor: Actor, room: Room) -> None:
    """Operators who belong to the room (admins any room) choose what it follows."""
    user = actor.user
    if user is None or not user.has_role(Role.OPERATOR):
        raise PermissionDenied("Only operators and admins choose what a room follows.")
    if not user.is_admin and not room.memberships.filter(user=user).exists():
        raise PermissionDenied("Only the room's members choose what it follows.")


def follow(actor: Actor, room: Room, *, repository: str = "", environment: str = "") -> Follow:
    _may_manage(actor, room)
    taken = UniqueConflict({"non_field_errors": ["This room already follows it."]})
    if Follow.objects.filter(room=room, repository=repository, environment=environment).exists():
        raise taken
    try:
        with transaction.atomic():
            created = Follow.objects.create(
                room=room, repository=repository, environment=environment, created_by=actor.user
            )
            record_audit(
                "pipeline_follow.created",
                actor=actor,
                target=created,
                details={"room": room.pk, "repository": repository, "environment": environment},
            )
    except IntegrityError:
        raise taken from None
    return created


def unfollow(actor: Actor, follow: Follow) -> None:
    _may_manage(actor, follow.room)
    with transaction.atomic():
        record_audit(
            "pipeline_follow.deleted",
            actor=actor,
            target=follow,
            details={"room": follow.room_id, "repository": follow.repository, "environment": follow.environment},
        )
        follow.delete()
