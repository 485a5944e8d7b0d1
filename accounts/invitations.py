"""Invitation links: a signed, expiring, single-use token that lets an invited user set their
password (Django's password-reset token generator, with a salt and a lifetime of its own).

Nothing is stored: the token signs the user's id, the moment it was made and the user's
password hash, last sign-in, email and whether they are active. Setting the password changes
the hash, so a token works once; inviting again gives the user a new unusable password, so
the earlier link stops working; and ``INVITATION_EXPIRY_HOURS`` after it was made, it expires.
The token is ``<user id in base 36>.<timestamp in base 36>-<signature>``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int, int_to_base36

from accounts.models import User

#: What a token looks like (the API's schema states it).
TOKEN_RE = r"^[0-9a-z]{1,13}\.[0-9a-z]{1,13}-[0-9a-f]{32}\Z"  # noqa: S105 - a pattern, not a secret
TOKEN_MAX_LENGTH = 60


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.invitations.InvitationTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{int(user.is_active)}"

    def check_token(self, user: Any, token: str | None) -> bool:
        """Django's check with this module's lifetime instead of ``PASSWORD_RESET_TIMEOUT``."""
        if not (user and token):
            return False
        timestamp = self.timestamp(token)
        if timestamp is None:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token):
                break
        else:
            return False
        return self._num_seconds(self._now()) - timestamp <= lifetime_seconds()

    @staticmethod
    def timestamp(token: str) -> int | None:
        try:
            ts_b36, _ = token.split("-")
            return base36_to_int(ts_b36)
        except ValueError:
            return None


generator = InvitationTokenGenerator()


def lifetime_seconds() -> int:
    return int(settings.INVITATION_EXPIRY_HOURS) * 3600


def make_token(user: User) -> tuple[str, datetime]:
    """A token for ``user`` (whose password is the unusable one the invitation set), and when
    it expires."""
    token = generator.make_token(user)
    return f"{int_to_base36(user.pk)}.{token}", timezone.now() + timedelta(seconds=lifetime_seconds())


def user_for(token: str) -> User | None:
    """The active user whose valid invitation this is, else None (unknown, malformed, used,
    replaced by a newer invitation, or expired)."""
    uid, _, signed = token.partition(".")
    try:
        pk = base36_to_int(uid)
    except ValueError:
        return None
    if not signed or pk > 2**63 - 1:
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or user.has_usable_password() or not generator.check_token(user, signed):
        return None
    return user


def link(token: str, base_url: str) -> str:
    """The link to send: the dashboard's page that takes the new password, the token in the
    fragment (browsers do not send it to the server, so it stays out of access logs)."""
    return f"{base_url.rstrip('/')}/invite#token={token}"
