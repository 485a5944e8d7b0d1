"""Registering, changing, rotating and revoking client applications, each with its audit entry.

Admins manage clients; a client changes only its own name and description (``update_own``).
No client manages clients: a client's key never reaches these as an admin (its role is at most
operator, and the routes refuse every key but the client's own ``/clients/me``).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import Team, User
from accounts.services import announce_access_change, record_audit
from chatops.api.exceptions import Conflict, UniqueConflict
from chatops.realtime import publish_after_commit, user_group
from clients.choices import CLIENT_ROLES
from clients.models import BOT_EMAIL_DOMAIN, Client, generate_key

#: What a client may change about itself through ``PUT /clients/me``.
OWN_FIELDS = frozenset({"name", "description"})
ADMIN_FIELDS = frozenset({"name", "description", "role", "team", "allowed_ips"})


class ClientRevoked(Conflict):
    default_detail = "This client is revoked: register a new one."
    default_code = "client_revoked"


def _require_admin(actor: Actor) -> None:
    if actor.client_id is not None or not actor.has_role(Role.ADMIN):
        raise PermissionDenied("Only admins may manage client applications.")


def _check_role(role: str) -> None:
    if role not in CLIENT_ROLES:
        raise ValidationError({"role": [f"A client acts as one of: {', '.join(CLIENT_ROLES)}."]})


def _name_taken(name: str, *, bot: User | None = None) -> UniqueConflict | None:
    """The conflict of a client or user (a bot is one) already named ``name``, if any."""
    users = User.objects.filter(username__iexact=name)
    if bot is not None:
        users = users.exclude(pk=bot.pk)
    if users.exists() or Client.objects.filter(name__iexact=name).exclude(user=bot).exists():
        return UniqueConflict({"name": ["A user or client application already has this name."]})
    return None


def _save_named(name: str, bot: User | None, write: Any) -> Any:
    """Run ``write`` (which saves a client and its bot) refusing a taken name with a 409, also
    when a concurrent writer takes it between the check and the write."""
    if (taken := _name_taken(name, bot=bot)) is not None:
        raise taken
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        raise _name_taken(name, bot=bot) or UniqueConflict({"name": ["This name conflicts with another."]}) from None


def _set_key(client: Client) -> str:
    for _ in range(5):  # a lookup is 47 random bits: a clash is unheard of, but not impossible
        raw = generate_key()
        client.set_key(raw)
        if not Client.objects.filter(lookup=client.lookup).exists():
            break
    return raw


def register_client(
    actor: Actor,
    *,
    name: str,
    description: str = "",
    role: str = Role.VIEWER,
    team: Team | None = None,
    allowed_ips: Iterable[str] = (),
) -> tuple[Client, str]:
    """Register an application and its bot user; returns it with its key, which is never stored
    or shown again."""
    _require_admin(actor)
    _check_role(role)

    def write() -> tuple[Client, str]:
        bot = User(
            username=name,
            # Unique, and never a mailbox: the bot receives no mail (alert_emails is off too).
            email=f"client-{secrets.token_hex(8)}@{BOT_EMAIL_DOMAIN}",
            full_name=f"Client application {name}",
            role=role,
            alert_emails=False,
        )
        bot.set_unusable_password()  # no password sign-in, ever: the key is the only way in
        bot.save()
        client = Client(
            name=name, description=description, user=bot, team=team, allowed_ips=list(allowed_ips),
            created_by=actor.user,
        )  # fmt: skip
        raw = _set_key(client)
        client.save()
        if team is not None:
            team.members.add(bot)  # its scope of the fleet is its team's
        record_audit(
            "client.created",
            actor=actor,
            target=client,
            details={
                "name": name,
                "role": role,
                "team_id": getattr(team, "pk", None),
                "allowed_ips": client.allowed_ips,
                "lookup": client.lookup,
                "bot_user_id": bot.pk,
            },
        )
        return client, raw

    result: tuple[Client, str] = _save_named(name, None, write)
    return result


def update_client(actor: Actor, client: Client, **fields: Any) -> Client:
    """An admin changes a client: name, description, role, team (None: no team), address
    ranges. Its bot follows (username, role, team membership)."""
    _require_admin(actor)
    unknown = set(fields) - ADMIN_FIELDS
    assert not unknown, f"not a client's field: {sorted(unknown)}"
    if "role" in fields:
        _check_role(fields["role"])
    return _apply(actor, client, fields)


def update_own(actor: Actor, client: Client, **fields: Any) -> Client:
    """A client changes its own name or description (``PUT /clients/me``)."""
    if actor.client_id != client.pk:
        raise PermissionDenied("A client changes only itself.")
    unknown = set(fields) - OWN_FIELDS
    assert not unknown, f"not a field a client changes: {sorted(unknown)}"
    return _apply(actor, client, fields)


def _apply(actor: Actor, client: Client, fields: dict[str, Any]) -> Client:
    def write() -> Client:
        locked = Client.objects.select_for_update(of=("self",)).select_related("user", "team").get(pk=client.pk)
        if locked.revoked_at is not None:
            raise ClientRevoked()
        bot = locked.user
        changed: dict[str, Any] = {}
        for field in ("name", "description", "allowed_ips"):
            if field in fields and fields[field] != getattr(locked, field):
                changed[field] = {"before": getattr(locked, field), "after": fields[field]}
                setattr(locked, field, fields[field])
        if "role" in fields and fields["role"] != bot.role:
            changed["role"] = {"before": bot.role, "after": fields["role"]}
            bot.role = fields["role"]
        if "team" in fields and fields["team"] != locked.team:
            before, after = locked.team, fields["team"]
            changed["team_id"] = {"before": getattr(before, "pk", None), "after": getattr(after, "pk", None)}
            if before is not None:
                before.members.remove(bot)
            if after is not None:
                after.members.add(bot)
            locked.team = after
        if not changed:
            return locked
        if "name" in changed:
            bot.username = locked.name
            bot.full_name = f"Client application {locked.name}"
        bot.save()
        locked.save()
        record_audit("client.updated", actor=actor, target=locked, details={"changed": sorted(changed), **changed})
        return locked

    name = fields.get("name")
    if name is None:
        with transaction.atomic():
            return write()
    updated: Client = _save_named(name, client.user, write)
    return updated


def rotate_key(actor: Actor, client: Client) -> tuple[Client, str]:
    """A new key, shown once; the old one stops at once (no grace) and the sockets opened with
    it close (4401): the client reconnects with the new key."""
    _require_admin(actor)
    with transaction.atomic():
        locked = Client.objects.select_for_update().select_related("user").get(pk=client.pk)
        if locked.revoked_at is not None:
            raise ClientRevoked()
        before = locked.lookup
        raw = _set_key(locked)
        locked.save(update_fields=["lookup", "key_hash", "key_created_at", "updated_at"])
        details = {"name": locked.name, "before": before, "after": locked.lookup}
        record_audit("client.key_rotated", actor=actor, target=locked, details=details)
        _close_sockets(locked)
    return locked, raw


def revoke_client(actor: Actor, client: Client) -> Client:
    """Revoke: the key stops at once, the bot is deactivated and its sockets close. The client
    stays on record (its messages and audit entries keep naming it), so its name stays taken.
    Idempotent."""
    _require_admin(actor)
    with transaction.atomic():
        locked = Client.objects.select_for_update().select_related("user").get(pk=client.pk)
        if locked.revoked_at is not None:
            return locked
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at", "updated_at"])
        bot = locked.user
        bot.is_active = False
        bot.save(update_fields=["is_active", "updated_at"])
        record_audit(
            "client.revoked", actor=actor, target=locked, details={"name": locked.name, "lookup": locked.lookup}
        )
        # The bot's browser-style sockets (user.deactivated), and any socket of a key of its.
        announce_access_change(bot, deactivated=True, role_changed=False)
    return locked


def _close_sockets(client: Client) -> None:
    """After commit, close the client's open sockets (``chatops.realtime.streams``' handler of
    ``user.deactivated`` closes with 4401). The bot stays active, so this has no periodic
    backstop: a lost message leaves an old socket open until it reconnects."""
    event = {"type": "user.deactivated", "user_id": client.user_id}
    publish_after_commit([(user_group(client.user_id), event)])
