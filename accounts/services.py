"""Writes about accounts that touch several models, each with its audit entry."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import models, transaction
from django.utils import timezone
from rest_framework import exceptions
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import scopes as key_scopes
from accounts.actor import Actor
from accounts.choices import Role
from accounts.events import apikey_group, user_group
from accounts.models import PASSWORD_VERSION_CLAIM, APIKey, AuditLog, User
from chatops import ratelimit
from chatops.api.exceptions import ServiceUnavailable
from chatops.db import advisory_lock, conflicts_as_409

logger = logging.getLogger(__name__)


class TooManyAttempts(exceptions.Throttled):
    default_detail = "Too many login attempts. Try again later."
    default_code = "too_many_login_attempts"


def record_audit(
    action: str,
    *,
    actor: Actor,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str | int = "",
    details: dict[str, Any] | None = None,
    actor_label: str = "",
) -> AuditLog:
    """Write one audit entry. Never put a secret (password, key, token) in ``details``."""
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or str(target.pk)
    if actor.origin:
        details = {**(details or {}), "origin": dict(actor.origin)}
    if actor.client_id is not None:  # a client application, acting through its bot user
        details = {**(details or {}), "client_id": actor.client_id}
    return AuditLog.objects.create(
        actor=actor.user,
        api_key=actor.api_key,
        actor_label=actor_label or actor.name,
        action=action,
        via=actor.via,
        target_type=target_type,
        target_id=str(target_id),
        ip_address=actor.ip,
        user_agent=actor.user_agent,
        details=details or {},
    )


# --- Tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User
    token_type: str = "bearer"  # noqa: S105 - the OAuth token type, not a secret


def issue_tokens(user: User) -> TokenPair:
    refresh = RefreshToken.for_user(user)
    refresh[PASSWORD_VERSION_CLAIM] = user.password_version  # copied into the access token
    return TokenPair(
        access_token=str(refresh.access_token),
        refresh_token=str(refresh),
        expires_in=int(cast(timedelta, settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"]).total_seconds()),
        user=user,
    )


def _parse_refresh(raw: str) -> RefreshToken:
    try:
        # Verifies signature, expiry, type and the blacklist. (The stubs say Token; it takes str.)
        return RefreshToken(raw)  # type: ignore[arg-type]
    except TokenError as exc:
        raise exceptions.AuthenticationFailed(str(exc), code="token_not_valid") from None


def _locked_outstanding(token: RefreshToken) -> OutstandingToken | None:
    query = OutstandingToken.objects.select_for_update(of=("self",)).filter(jti=token["jti"])
    return query.order_by("pk").first()


def _blacklist_locked(token: RefreshToken) -> OutstandingToken:
    """Blacklist ``token``; fails if it already is. Locks the row so two racing uses of one
    refresh token cannot both pass."""
    outstanding = _locked_outstanding(token)
    if outstanding is None or BlacklistedToken.objects.filter(token=outstanding).exists():
        raise exceptions.AuthenticationFailed("Token is blacklisted", code="token_not_valid")
    BlacklistedToken.objects.create(token=outstanding)
    return outstanding


def refresh_tokens(raw: str) -> TokenPair:
    """Rotate: the old refresh token is blacklisted, a new pair is issued."""
    token = _parse_refresh(raw)
    with transaction.atomic():
        outstanding = _blacklist_locked(token)
        user = outstanding.user
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed("User is inactive or gone.", code="user_inactive")
        # A refresh that raced a password change may have minted a token the change's blacklist
        # never saw: it still carries the old password version, so it is refused here.
        if token.get(PASSWORD_VERSION_CLAIM) != user.password_version:
            raise exceptions.AuthenticationFailed(
                "Token was issued before the password was changed.", code="token_not_valid"
            )
        return issue_tokens(user)


def logout(actor: Actor, raw_refresh: str) -> None:
    token = _parse_refresh(raw_refresh)
    with transaction.atomic():
        outstanding = _locked_outstanding(token)
        if outstanding is None or actor.user is None or outstanding.user_id != actor.user.pk:
            raise exceptions.AuthenticationFailed("Token is not valid for this user.", code="token_not_valid")
        _blacklist_locked(token)
        record_audit("auth.logout", actor=actor, target=actor.user)


def blacklist_all_refresh_tokens(user: User) -> int:
    pending = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    tokens = [BlacklistedToken(token=t) for t in pending]
    BlacklistedToken.objects.bulk_create(tokens, ignore_conflicts=True)
    return len(tokens)


# --- Sign-up, sign-in, password ---------------------------------------------------------------


def register_user(
    actor: Actor,
    *,
    username: str,
    email: str,
    password: str,
    full_name: str = "",
    role: str | None = None,
) -> User:
    """Create a user. The first user ever is an admin; later ones are requesters (the least
    role: their own helpdesk tickets, no servers) unless an admin registering someone else
    names a role."""
    caller = actor.user
    with transaction.atomic():
        advisory_lock("accounts.first-user")
        first = not User.objects.exists()
        if first:
            granted = Role.ADMIN
        elif caller is not None and caller.is_admin and role:
            granted = Role(role)
        else:
            granted = Role.REQUESTER
        with conflicts_as_409(User.objects.all(), {"username": username, "email": email}, "user"):
            user = User.objects.create_user(
                username=username, email=email, password=password, full_name=full_name, role=granted
            )
        record_audit(
            "auth.register",
            actor=replace(actor, user=caller or user),
            target=user,
            details={"role": granted, "first_user": first},
        )
    return user


def update_profile(actor: Actor, user: User, **fields: Any) -> User:
    """Change what a user may change about themselves (never role or is_active)."""
    unique: dict[str, Any] = {key: fields[key] for key in ("username", "email") if key in fields}
    with conflicts_as_409(User.objects.all(), unique, "user", exclude_pk=user.pk):
        for key, value in fields.items():
            setattr(user, key, value)
        user.save()
        record_audit(
            "auth.profile_updated", actor=replace(actor, user=user), target=user, details={"fields": sorted(fields)}
        )
    return user


def _login_key(identifier: str, user: User | None) -> str:
    """The failed-login bucket: the account the identifier names, so its username and its
    email, in any case, share one allowance; a name of no account by its case-folded form,
    so guessing names is limited too."""
    if user is not None:
        return f"login-user:id:{user.pk}"
    return f"login-user:name:{identifier.strip().casefold()[:150]}"


def check_password_login(actor: Actor, identifier: str, password: str, via: str) -> User:
    """Check a password for any sign-in form (the API's, the admin's), counting the attempt
    first so parallel guesses cannot slip past the limits, and auditing the outcome. The
    attempts are counted per account and per client address (``actor.ip``)."""
    ip = actor.ip or "unknown"
    user_limit, user_period = settings.LOGIN_ATTEMPTS_PER_USERNAME
    ip_limit, ip_period = settings.LOGIN_ATTEMPTS_PER_IP
    user = User.objects.for_login(identifier)
    user_key = _login_key(identifier, user)
    ip_key = f"login-ip:{ip}"
    try:
        user_count, user_reset = ratelimit.count(user_key, user_period)
        ip_count, ip_reset = ratelimit.count(ip_key, ip_period)
    except Exception as exc:
        # Fail closed: without a count, password guessing would be unlimited.
        logger.error("Login attempt counter unavailable (%s); refusing logins", type(exc).__name__)
        raise ServiceUnavailable("Sign-in is unavailable right now. Try again shortly.") from None
    if user_count > user_limit or ip_count > ip_limit:
        now = timezone.now().timestamp()
        wait = max(user_reset if user_count > user_limit else 0, ip_reset if ip_count > ip_limit else 0) - now
        record_audit(
            "auth.login_failed",
            actor=actor,
            actor_label=identifier[:150],
            details={"reason": "too_many_attempts", "via": via},
        )
        raise TooManyAttempts(wait=max(1.0, wait))
    if user is None or not user.check_password(password):
        if user is None:
            # Spend the time a hash check takes, so timing does not reveal unknown usernames.
            User().set_password(password)
        record_audit(
            "auth.login_failed",
            actor=replace(actor, user=user or actor.user),
            actor_label=identifier[:150],
            details={"reason": "bad_credentials", "via": via},
        )
        raise exceptions.AuthenticationFailed("Invalid username/email or password.", code="invalid_credentials")
    # A right password gives its attempt back: only failures use up the allowance.
    ratelimit.uncount(user_key, user_period)
    ratelimit.uncount(ip_key, ip_period)
    User.objects.filter(pk=user.pk).update(last_login=timezone.now())
    record_audit("auth.login", actor=replace(actor, user=user), target=user, details={"via": via})
    return user


def login(actor: Actor, identifier: str, password: str) -> TokenPair:
    """Sign in to the API: a token pair for a right password."""
    return issue_tokens(check_password_login(actor, identifier, password, via="api"))


def change_password(actor: Actor, user: User, current: str, new: str) -> TokenPair:
    """Change the password; every refresh token of the user stops working, and so does every
    access token issued before now. Returns a fresh pair for the session that asked."""
    if not user.check_password(current):
        raise exceptions.ValidationError({"current_password": ["The current password is not right."]})
    try:
        validate_password(new, user)
    except Exception as exc:  # django.core.exceptions.ValidationError
        raise exceptions.ValidationError({"new_password": list(getattr(exc, "messages", [str(exc)]))}) from None
    with transaction.atomic():
        user.set_password(new)
        user.save(update_fields=["password", "password_changed_at", "updated_at"])
        revoked = blacklist_all_refresh_tokens(user)
        record_audit(
            "auth.password_changed",
            actor=replace(actor, user=user),
            target=user,
            details={"refresh_tokens_revoked": revoked},
        )
    return issue_tokens(user)


# --- API keys -----------------------------------------------------------------------------------


def create_api_key(
    actor: Actor | None,
    user: User,
    *,
    name: str,
    server: Any = None,
    expires_at: datetime | None = None,
    scopes: list[str] | None = None,
) -> tuple[APIKey, str]:
    """Create a key for ``user`` and return it with its raw value, which is never stored or
    shown again. Without ``scopes``: ``agent`` for a key bound to a server, else the default
    read scopes. ``actor=None`` is the one shorthand kept: a script on the hub (a management
    command, the benchmarks, a test's setup) that makes a key for someone, who then acts from
    the hub itself, i.e. ``Actor.for_user(user, "system")``."""
    if scopes is None:
        scopes = [key_scopes.AGENT] if server is not None else list(key_scopes.default_scopes(user.role))
    scopes = key_scopes.normalised(scopes)
    errors = key_scopes.scope_errors(scopes, bound=server is not None, role=user.role)
    if errors:
        raise exceptions.ValidationError({"scopes": errors})
    with transaction.atomic():
        for _ in range(5):
            raw = APIKey.generate()
            key = APIKey(user=user, name=name, server=server, expires_at=expires_at, scopes=scopes)
            key.set_key(raw)
            if not APIKey.objects.filter(lookup=key.lookup).exists():
                break
        key.save()
        record_audit(
            "api_key.created",
            actor=actor or Actor.for_user(user, "system"),
            target=key,
            details={
                "name": name,
                "lookup": key.lookup,
                "server_id": getattr(server, "pk", None),
                "owner": user.username,
                "scopes": scopes,
            },
        )
    return key, raw


def update_api_key(actor: Actor, key: APIKey, *, name: str | None = None, scopes: list[str] | None = None) -> APIKey:
    """Rename a key or change its scopes. A change of scopes closes the sockets the key opened
    (the agent connects again if the new scopes still let it)."""
    with transaction.atomic():
        locked = APIKey.objects.select_for_update().select_related("user").get(pk=key.pk)
        changed: dict[str, Any] = {}
        if name is not None and name != locked.name:
            changed["name"] = {"before": locked.name, "after": name}
            locked.name = name
        if scopes is not None:
            scopes = key_scopes.normalised(scopes)
            errors = key_scopes.scope_errors(scopes, bound=locked.server_id is not None, role=locked.user.role)
            if errors:
                raise exceptions.ValidationError({"scopes": errors})
            if scopes != locked.scopes:
                changed["scopes"] = {"before": locked.scopes, "after": scopes}
                locked.scopes = scopes
        if changed:
            locked.save(update_fields=["name", "scopes"])
            record_audit("api_key.updated", actor=actor, target=locked, details={"changed": sorted(changed), **changed})
    if "scopes" in changed:
        announce_revocation([locked.pk])
    return locked


def announce_access_change(user: User, *, deactivated: bool, role_changed: bool) -> None:
    """After commit, close what a user's changed account may no longer hold open: on
    deactivation every socket of theirs (agents' through their keys, and browsers'); on a
    change of role the sockets of their enrolment keys, which need an admin."""
    if deactivated:
        announce_revocation(list(APIKey.objects.filter(user=user).values_list("pk", flat=True)))
        _announce(user_group(user.pk), {"type": "user.deactivated", "user_id": user.pk})
    elif role_changed:
        keys = APIKey.objects.filter(user=user, server__isnull=True).only("pk", "scopes")
        announce_revocation([key.pk for key in keys if key_scopes.ENROL in key.scopes])


def revoke_api_key(actor: Actor, key: APIKey) -> APIKey:
    """Revoke ``key`` and close the sockets it opened. A script on the hub passes
    ``Actor.for_user(who, "system")`` (or ``Actor.system()`` with nobody behind it)."""
    with transaction.atomic():
        locked = APIKey.objects.select_for_update().get(pk=key.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            record_audit(
                "api_key.revoked",
                actor=actor,
                target=locked,
                details={"name": locked.name, "lookup": locked.lookup, "owner": locked.user.username},
            )
    announce_revocation([locked.pk])
    return locked


def announce_revocation(key_ids: list[int]) -> None:
    """After commit, tell any socket authenticated by these keys to close (the agent channel
    listens on ``apikey.<id>``). Sockets also recheck their key on their own, so a lost
    message only delays the close."""
    for key_id in key_ids:
        _announce(apikey_group(key_id), {"type": "apikey.revoked", "key_id": key_id})


def _announce(group: str, event: dict[str, Any]) -> None:
    """Send ``event`` to ``group`` after commit. Sockets also recheck on their own, so a lost
    message only delays what it announces."""

    def send() -> None:
        from channels.layers import get_channel_layer

        from chatops.realtime import bridge

        layer = get_channel_layer()
        if layer is None:
            return
        try:
            bridge.call(layer.group_send, group, event)
        except Exception:
            logger.exception("Could not announce %s to %s", event["type"], group)

    transaction.on_commit(send)
