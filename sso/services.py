"""GitHub sign-in: start (a single-use ``state`` bound to the caller) and finish (check the
state, ask GitHub who it is, find or make the user, hand out the same token pair as a password
sign-in). The rules are in docs/github-sign-in.md."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import NoReturn

from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework import exceptions, status

from accounts import services as accounts
from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import User
from chatops.api.exceptions import Conflict, ServiceUnavailable
from sso import github
from sso.conf import GitHubConfig, github_config
from sso.models import SignInState

logger = logging.getLogger(__name__)


class SignInDisabled(exceptions.NotFound):
    default_detail = "GitHub sign-in is not enabled on this hub."
    default_code = "github_sign_in_disabled"


class BadState(exceptions.APIException):
    """The state is refused; ``code`` says why."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "state_invalid"


class CodeRefused(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "GitHub refused the authorization code (wrong, used or expired). Start again."
    default_code = "github_code_invalid"


class NotAMember(exceptions.PermissionDenied):
    default_detail = "Your GitHub account is not a member of an organisation allowed to sign in here."
    default_code = "github_org_forbidden"


class NoVerifiedEmail(exceptions.PermissionDenied):
    default_detail = "Your GitHub account has no verified e-mail address. Verify one on GitHub, then try again."
    default_code = "github_email_unverified"


class UserInactive(exceptions.PermissionDenied):
    default_detail = "This account is deactivated."
    default_code = "user_inactive"


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@dataclass(frozen=True)
class StartedSignIn:
    auth_url: str
    state: str
    #: The caller's proof that it started this sign-in: sent back in a cookie (views.py).
    binding: str
    max_age: int


def redirect_uri_allowed(redirect_uri: str, default: str) -> bool:
    return redirect_uri == default or redirect_uri in settings.GITHUB_REDIRECT_URIS


def enabled_config() -> GitHubConfig:
    config = github_config()
    if not config.enabled:
        raise SignInDisabled()
    return config


def start_sign_in(actor: Actor, *, redirect_uri: str) -> StartedSignIn:
    """A new sign-in: its state (kept hashed, with the hash of the caller's binding secret)
    and the address at GitHub to send the user to."""
    config = enabled_config()
    state = secrets.token_urlsafe(32)
    binding = secrets.token_urlsafe(32)
    now = timezone.now()
    ttl = settings.GITHUB_STATE_TTL_SECONDS
    # Old states go as new ones come: the table holds only the last TTL's worth (plus a day
    # of used ones, for a support question about a failed sign-in).
    SignInState.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    SignInState.objects.create(
        state_hash=_hash(state),
        binding_hash=_hash(binding),
        redirect_uri=redirect_uri,
        expires_at=now + timedelta(seconds=ttl),
    )
    url = github.authorize_url(config, state=state, redirect_uri=redirect_uri)
    return StartedSignIn(auth_url=url, state=state, binding=binding, max_age=ttl)


def _consume_state(state: str, binding: str | None) -> SignInState:
    """Check the state and use it up, or refuse it with the reason as the error code."""
    now = timezone.now()
    with transaction.atomic():
        row = SignInState.objects.select_for_update().filter(state_hash=_hash(state)).first()
        if row is None:
            raise BadState("Unknown sign-in state. Start the GitHub sign-in again.", code="state_invalid")
        if row.used_at is not None:
            raise BadState("This sign-in state was already used. Start again.", code="state_used")
        if row.expires_at <= now:
            raise BadState("This sign-in state has expired. Start again.", code="state_expired")
        if not binding or not secrets.compare_digest(row.binding_hash, _hash(binding)):
            # Not burnt: whoever holds a stolen state cannot use it, its owner still can.
            raise BadState("This sign-in was started by another client.", code="state_not_yours")
        row.used_at = now
        row.save(update_fields=["used_at"])
    return row


def _username_for(login: str) -> str:
    base = re.sub(r"[^\w.@+-]", "-", login)[:140] or "github-user"
    candidate = base
    n = 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class _Refusal(Exception):
    """A refusal decided inside a transaction, raised (and audited) once it is rolled back."""

    def __init__(self, reason: str, error: exceptions.APIException) -> None:
        super().__init__(reason)
        self.reason = reason
        self.error = error


def _refuse(actor: Actor, identity: github.GitHubIdentity, reason: str, exc: exceptions.APIException) -> NoReturn:
    accounts.record_audit(
        "auth.login_failed",
        actor=actor,
        actor_label=f"github:{identity.login}"[:150],
        details={"reason": reason, "via": "github", "github_id": identity.uid},
    )
    raise exc


def _user_for(actor: Actor, identity: github.GitHubIdentity) -> User:
    """The linked user; else the user whose e-mail GitHub says this account has verified
    (linked from now on); else a new requester. An account whose e-mail the GitHub account
    holds only unverified is never taken over: that sign-in is refused."""
    link = SocialAccount.objects.select_related("user").filter(provider="github", uid=identity.uid).first()
    if link is not None:
        link.extra_data = identity.extra_data
        link.last_login = timezone.now()
        link.save(update_fields=["extra_data", "last_login"])
        return link.user
    verified = identity.verified_emails
    match = User.objects.filter(Q(email__in=verified)).first() if verified else None
    if match is not None:
        SocialAccount.objects.create(
            user=match, provider="github", uid=identity.uid, extra_data=identity.extra_data, last_login=timezone.now()
        )
        accounts.record_audit(
            "auth.profile_updated",
            actor=replace(actor, user=match),
            target=match,
            details={"github_linked": identity.login, "github_id": identity.uid, "by_email": match.email},
        )
        return match
    if identity.unverified_emails and User.objects.filter(email__in=identity.unverified_emails).exists():
        raise _Refusal(
            "email_unverified_conflict",
            Conflict(
                "An account with this GitHub account's e-mail exists, but GitHub has not verified that "
                "address. Verify it on GitHub to link the accounts.",
                code="github_email_unverified_conflict",
            ),
        )
    if not verified:
        raise _Refusal("no_verified_email", NoVerifiedEmail())
    primary = next((e.email.lower() for e in identity.emails if e.verified and e.primary), verified[0])
    user = User.objects.create_user(
        username=_username_for(identity.login),
        email=primary,
        password=None,  # unusable: this user signs in through GitHub (or sets one via an admin)
        full_name=identity.name[:150],
        role=Role.REQUESTER,
    )
    SocialAccount.objects.create(
        user=user, provider="github", uid=identity.uid, extra_data=identity.extra_data, last_login=timezone.now()
    )
    accounts.record_audit(
        "auth.register",
        actor=replace(actor, user=user),
        target=user,
        details={"role": Role.REQUESTER, "via": "github", "github_id": identity.uid},
    )
    return user


def finish_sign_in(actor: Actor, *, code: str, state: str, binding: str | None) -> accounts.TokenPair:
    """The callback: the state first (so a refused one costs GitHub nothing), then GitHub."""
    config = enabled_config()
    row = _consume_state(state, binding)
    try:
        identity = github.fetch_identity(config, code=code, redirect_uri=row.redirect_uri)
        orgs = github.organisations(config, identity.token) if config.allowed_orgs else set()
    except github.GitHubRefused:
        raise CodeRefused() from None
    except github.GitHubUnreachable as exc:
        logger.warning("GitHub sign-in: GitHub unreachable (%s)", exc)
        raise ServiceUnavailable("GitHub cannot be reached right now. Try again shortly.") from None
    if config.allowed_orgs and not orgs & set(config.allowed_orgs):
        _refuse(actor, identity, "not_in_allowed_orgs", NotAMember())
    try:
        try:
            with transaction.atomic():
                user = _user_for(actor, identity)
        except IntegrityError:
            # Two first sign-ins of one GitHub account raced: the other one made the link.
            with transaction.atomic():
                user = _user_for(actor, identity)
    except _Refusal as refusal:
        _refuse(actor, identity, refusal.reason, refusal.error)
    if not user.is_active:
        _refuse(actor, identity, "user_inactive", UserInactive())
    User.objects.filter(pk=user.pk).update(last_login=timezone.now())
    accounts.record_audit(
        "auth.login", actor=replace(actor, user=user), target=user, details={"via": "github", "github_id": identity.uid}
    )
    return accounts.issue_tokens(user)
