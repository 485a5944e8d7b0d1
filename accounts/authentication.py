"""How REST callers prove who they are: an API key, a JWT access token, or a session."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from rest_framework import authentication, exceptions
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication as SimpleJWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken

from accounts import scopes
from accounts.models import PASSWORD_VERSION_CLAIM, APIKey, User

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
        user = cast(User, super().get_user(validated_token))
        # The exact password version, not ``iat``: whole seconds let a token issued in the
        # second of a change live on. A token without the claim predates it: refused too.
        if validated_token.get(PASSWORD_VERSION_CLAIM) != user.password_version:
            raise InvalidToken(
                {"detail": "Token was issued before the password was changed.", "code": "token_not_valid"}
            )
        return user


class SessionAuthentication(authentication.SessionAuthentication):
    """The Django session, for the browsable API and the built-in dashboard (CSRF enforced)."""
