"""Managing people: users (create, invite, change, deactivate) and teams (their scope of the
fleet and their members). Admins only; each write leaves an audit entry and closes what a
changed account may no longer hold open (``services.announce_access_change``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.mail import send_mail
from django.db import transaction
from rest_framework import exceptions, status

from accounts import invitations
from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import User
from accounts.services import (
    TokenPair,
    announce_access_change,
    blacklist_all_refresh_tokens,
    issue_tokens,
    record_audit,
)
from accounts.teams import Team, clean_tags
from chatops.api.exceptions import Conflict
from chatops.db import advisory_lock, conflicts_as_409

logger = logging.getLogger(__name__)


class LastAdmin(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "This is the last active admin: make someone else an admin first."
    default_code = "last_admin"


class OwnRole(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "You may not change your own role: ask another admin."
    default_code = "own_role"


class OwnAccount(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "You may not deactivate yourself: ask another admin."
    default_code = "own_account"


class InvitationInvalid(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "This invitation is not valid: it was used, has expired or was replaced by a newer one."
    default_code = "invitation_invalid"


class HasPassword(Conflict):
    default_detail = "This user has set a password already; invitations are for users who have not."
    default_code = "has_password"


def _require_admin(actor: Actor) -> None:
    if actor.user is None or not actor.user.is_admin:
        raise exceptions.PermissionDenied("Only admins may do this.")


# --- Users --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invitation:
    """What an admin is shown once: the link (with its token) and whether it was emailed."""

    token: str
    url: str
    expires_at: datetime
    emailed: bool
    email_error: str = ""


def _site(base_url: str) -> str:
    return settings.SITE_URL or base_url


def _invite(actor: Actor, user: User, base_url: str) -> Invitation:
    """Make the link and email it (after the caller's transaction: the user exists when the
    mail leaves, and a mail server that fails does not undo the invitation)."""
    token, expires_at = invitations.make_token(user)
    url = invitations.link(token, _site(base_url))
    inviter = actor.user.full_name or actor.user.username if actor.user is not None else "An admin"
    hours = settings.INVITATION_EXPIRY_HOURS
    body = (
        f"Hello {user.full_name or user.username},\n\n"
        f"{inviter} invited you to ChatOps as {user.username} ({user.role}).\n"
        f"Choose your password here (the link works once, within {hours} hours):\n\n{url}\n"
    )
    try:
        send_mail("Your ChatOps account", body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception as exc:
        logger.warning("Could not email the invitation of user %s: %s", user.pk, type(exc).__name__)
        return Invitation(token, url, expires_at, emailed=False, email_error=f"{type(exc).__name__}: {exc}"[:300])
    return Invitation(token, url, expires_at, emailed=True)


def create_user(
    actor: Actor,
    *,
    username: str,
    email: str,
    full_name: str = "",
    role: str = Role.VIEWER,
    password: str | None = None,
    base_url: str = "",
) -> tuple[User, Invitation | None]:
    """Create a user with a password, or (``password`` None) invite them: they get an email
    with a link to choose their password, and the admin gets the link once."""
    _require_admin(actor)
    with conflicts_as_409(User.objects.all(), {"username": username, "email": email}, "user"):
        user = User.objects.create_user(
            username=username, email=email, password=password, full_name=full_name, role=Role(role)
        )
        record_audit(
            "user.created",
            actor=actor,
            target=user,
            details={"username": user.username, "role": user.role, "invited": password is None},
        )
    return user, (_invite(actor, user, base_url) if password is None else None)


def reinvite_user(actor: Actor, user: User, *, base_url: str = "") -> Invitation:
    """A new invitation for a user who has not chosen a password yet (the earlier link stops
    working: the new unusable password changes what it signed)."""
    _require_admin(actor)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.has_usable_password():
            raise HasPassword()
        if not locked.is_active:
            raise Conflict("This user is deactivated: reactivate them first.", code="inactive")
        locked.set_unusable_password()
        locked.save(update_fields=["password", "updated_at"])
        record_audit("user.invited", actor=actor, target=locked, details={"username": locked.username})
    return _invite(actor, locked, base_url)


def accept_invitation(actor: Actor, token: str, password: str) -> TokenPair:
    """The invited user chooses their password (the token works once) and is signed in."""
    with transaction.atomic():
        found = invitations.user_for(token)
        user = User.objects.select_for_update().filter(pk=found.pk).first() if found is not None else None
        # Checked again under the lock: of two acceptances at once, one wins.
        if user is None or user.has_usable_password() or invitations.user_for(token) is None:
            raise InvitationInvalid()
        try:
            validate_password(password, user)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError({"password": list(exc.messages)}) from None
        user.set_password(password)
        user.save(update_fields=["password", "password_changed_at", "updated_at"])
        record_audit("user.invitation_accepted", actor=replace(actor, user=user), target=user)
    return issue_tokens(user)


def update_user(
    actor: Actor,
    user: User,
    *,
    role: str | None = None,
    is_active: bool | None = None,
    full_name: str | None = None,
    action: str = "user.updated",
) -> User:
    """Change a user's role, whether they are active, or their name. Nobody changes their own
    role or deactivates themselves, and the last active admin stays one (400s: ``own_role``,
    ``own_account``, ``last_admin``; the last is what keeps two admins who deactivate each
    other at the same moment from both succeeding). Deactivating signs the user out
    (refresh tokens) and closes their sockets within seconds; demoting an admin closes the
    sockets of their enrolment keys."""
    _require_admin(actor)
    with transaction.atomic():
        # One change of admins at a time: two admins demoting each other cannot both win.
        advisory_lock("accounts.admins")
        locked = User.objects.select_for_update().get(pk=user.pk)
        wanted = {"role": role, "is_active": is_active, "full_name": full_name}
        changed = {key: value for key, value in wanted.items() if value is not None and getattr(locked, key) != value}
        yourself = actor.user is not None and locked.pk == actor.user.pk
        if "role" in changed and yourself:
            raise OwnRole()
        if changed.get("is_active") is False and yourself:
            raise OwnAccount()
        stays_admin = changed.get("role", locked.role) == Role.ADMIN and changed.get("is_active", locked.is_active)
        if not stays_admin and locked.is_last_active_admin():
            raise LastAdmin()
        if not changed:
            return locked
        details: dict[str, Any] = {"changed": sorted(changed)}
        for key in ("role", "is_active"):
            if key in changed:
                details[key] = {"before": getattr(locked, key), "after": changed[key]}
        for key, value in changed.items():
            setattr(locked, key, value)
        locked.save(update_fields=[*changed, "updated_at"])
        if changed.get("is_active") is False:
            details["refresh_tokens_revoked"] = blacklist_all_refresh_tokens(locked)
        record_audit(action, actor=actor, target=locked, details=details)
        if "is_active" in changed or "role" in changed:
            announce_access_change(locked, deactivated=not locked.is_active, role_changed="role" in changed)
    return locked


def deactivate_user(actor: Actor, user: User) -> User:
    """``DELETE /users/{id}``: the account stays (the audit log and history name it), but it
    no longer signs in, its API keys stop working and its sockets close."""
    return update_user(actor, user, is_active=False, action="user.deactivated")


# --- Teams --------------------------------------------------------------------------------------


def _tags(fields: dict[str, Any]) -> None:
    if "tags" in fields:
        try:
            fields["tags"] = clean_tags(fields["tags"])
        except DjangoValidationError as exc:
            raise exceptions.ValidationError({"tags": list(exc.messages)}) from None


def create_team(actor: Actor, **fields: Any) -> Team:
    _require_admin(actor)
    _tags(fields)
    with conflicts_as_409(Team.objects.all(), {"name": fields["name"]}, "team"):
        team = Team.objects.create(**fields)
        record_audit(
            "team.created",
            actor=actor,
            target=team,
            details={"name": team.name, "tags": team.tags, "all_servers": team.all_servers},
        )
    return team


def update_team(actor: Actor, team: Team, **fields: Any) -> Team:
    """Change a team's name, description or scope. A change of scope reaches its members'
    open streams within ``AGENT_KEY_RECHECK_SECONDS`` (``servers.live``)."""
    _require_admin(actor)
    _tags(fields)
    unique = {"name": fields["name"]} if "name" in fields else {}
    with conflicts_as_409(Team.objects.all(), unique, "team", exclude_pk=team.pk):
        locked = Team.objects.select_for_update().get(pk=team.pk)
        changed = {key: value for key, value in fields.items() if getattr(locked, key) != value}
        if not changed:
            return locked
        details = {key: {"before": getattr(locked, key), "after": value} for key, value in changed.items()}
        for key, value in changed.items():
            setattr(locked, key, value)
        locked.save()
        record_audit("team.updated", actor=actor, target=locked, details={"changed": sorted(changed), **details})
    return locked


def delete_team(actor: Actor, team: Team) -> None:
    """Delete a team; its members keep their accounts. (Deleting the last team opens the
    whole fleet to everyone signed in again.)"""
    _require_admin(actor)
    with transaction.atomic():
        members = list(team.members.order_by("username").values_list("username", flat=True))
        record_audit(
            "team.deleted",
            actor=actor,
            target=team,
            details={"name": team.name, "tags": team.tags, "all_servers": team.all_servers, "members": members},
        )
        team.delete()


def add_member(actor: Actor, team: Team, user: User) -> bool:
    """Add ``user`` to ``team``; False if they were in it already (nothing changes)."""
    _require_admin(actor)
    with transaction.atomic():
        if team.members.filter(pk=user.pk).exists():
            return False
        team.members.add(user)
        record_audit(
            "team.member_added", actor=actor, target=team, details={"user_id": user.pk, "username": user.username}
        )
    return True


def remove_member(actor: Actor, team: Team, user: User) -> None:
    _require_admin(actor)
    with transaction.atomic():
        if not team.members.filter(pk=user.pk).exists():
            raise exceptions.NotFound(f"{user.username} is not a member of {team.name}.")
        team.members.remove(user)
        record_audit(
            "team.member_removed", actor=actor, target=team, details={"user_id": user.pk, "username": user.username}
        )
