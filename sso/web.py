"""What the two routes and the two pages share: the default redirect_uri, and the binding
cookie, the proof a client gives at the callback that it started the sign-in.
Signed (so a forged value is refused before any lookup), HttpOnly, SameSite=Lax (it must come
back on the top-level redirect from GitHub to the dashboard's callback page and on that page's
same-origin call), Secure on HTTPS."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponseBase

if TYPE_CHECKING:
    from sso.services import StartedSignIn

BINDING_COOKIE = "chatops_github_binding"
#: The dashboard's callback page (sso/urls.py): the default redirect_uri.
CALLBACK_PATH = "/login/github/callback"
COOKIE_PATH = "/api/v1/auth/github"  # sent only to the two routes
_SALT = "sso.github.binding"


def set_binding(response: HttpResponseBase, request: HttpRequest, started: StartedSignIn) -> None:
    response.set_signed_cookie(
        BINDING_COOKIE,
        started.binding,
        salt=_SALT,
        max_age=started.max_age,
        path=COOKIE_PATH,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def read_binding(request: HttpRequest) -> str | None:
    try:
        value = request.get_signed_cookie(BINDING_COOKIE, default=None, salt=_SALT)
    except BadSignature:
        return None
    return value


def default_redirect_uri(request: HttpRequest) -> str:
    if settings.SITE_URL:
        return f"{settings.SITE_URL}{CALLBACK_PATH}"
    return request.build_absolute_uri(CALLBACK_PATH)
