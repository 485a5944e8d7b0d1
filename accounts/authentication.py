"""How REST callers prove who they are: an API key, a JWT access token, or a session."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication as SimpleJWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts import scopes
from accounts.models import PASSWORD_VERSION_CLAIM, APIKey, User
from chatops.db import MAX_ID, select_plain

BEARER = "Bearer"


def bearer_token(request: Request) -> str | None:
    header = authentication.get_authorization_header(request).decode("latin-1")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != BEARER.lower() or not token.strip():
        return None
    return token.strip()


def _refuse_other_schemes(request: Request) -> None:
    """A credential under another scheme (``Token``, ``JWT``, ``Basic``) is a mistake to name,
    not a header to ignore: ignored, it ends in "credentials were not provided"."""
    header = authentication.get_authorization_header(request).decode("latin-1").strip()
    if not header:
        return
    scheme = header.partition(" ")[0][:20]
    if scheme.lower() == BEARER.lower():
        return  # "Bearer" with no token: the other classes say what is missing
    raise exceptions.AuthenticationFailed(
        f"The {scheme!r} scheme is not accepted: send 'Authorization: Bearer <token>' "
        "with an access token or an API key."
    )


class APIKeyAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer chk_…``: the key's owner, within the key's scopes.

    Every REST request made with a key passes here, so this is the one place scopes are
    checked: the route's needed scope (``accounts.scopes.needed_scope``) must be one of the
    key's, and within its owner's role now. The views' own role checks apply as well.
    """

    def authenticate(self, request: Request) -> tuple[User, APIKey] | None:
        token = bearer_token(request)
        if token is None:
            _refuse_other_schemes(request)
        if token is None or not token.startswith(settings.API_KEY_PREFIX):
            return None
        key = APIKey.objects.for_raw_key(token)
        if key is None:
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked API key.", code="invalid_api_key")
        match = request._request.resolver_match
        needed = scopes.needed_scope(match.view_name if match else None, request.method or "GET")
        if needed is None:
            raise exceptions.PermissionDenied("API keys may not do this.", code="insufficient_scope")
        if not key.allows(needed):
            raise exceptions.PermissionDenied(f"This API key lacks the scope {needed!r}.", code="insufficient_scope")
        key.touch()
        return key.user, key

    def authenticate_header(self, request: Request) -> str:
        return f'{BEARER} realm="api"'


class JWTAuthentication(SimpleJWTAuthentication):
    """simplejwt's access tokens, refused once the user has changed their password since."""

    def get_user(self, validated_token: Any) -> Any:
        user = self._user(validated_token)
        # The exact password version, not ``iat``: whole seconds let a token issued in the
        # second of a change live on. A token without the claim predates it: refused too.
        if validated_token.get(PASSWORD_VERSION_CLAIM) != user.password_version:
            raise InvalidToken(
                {"detail": "Token was issued before the password was changed.", "code": "token_not_valid"}
            )
        return user

    @staticmethod
    def _user(validated_token: Any) -> User:
        """simplejwt's ``get_user``, with the user read by one plain statement (every request
        with a token reads it: the ORM's ``get`` cost 2.5 times the CPU, bench/README.md,
        "Session 17"). The same refusals: no user claim, no such user, an inactive user."""
        try:
            user_id = validated_token[jwt_settings.USER_ID_CLAIM]
        except KeyError as exc:
            raise InvalidToken(str(_("Token contained no recognizable user identification"))) from exc
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            pk = 0
        found = select_plain(User, "t.id = %s", [pk]) if 0 < pk <= MAX_ID else []
        if not found:
            raise exceptions.AuthenticationFailed(_("User not found"), code="user_not_found")
        user = found[0]
        if jwt_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise exceptions.AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if jwt_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            jwt_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise exceptions.AuthenticationFailed(_("The user's password has been changed."), code="password_changed")
        return user


class SessionAuthentication(authentication.SessionAuthentication):
    """The Django session, for the browsable API and the built-in dashboard (CSRF enforced)."""
