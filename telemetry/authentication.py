"""Who may scrape ``/metrics``: Prometheus with the bearer token of ``METRICS_BEARER_TOKEN``, an
API key with the scope ``prometheus:read`` (checked by the key's own authentication class, from
the route's registration), or a signed-in admin."""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from rest_framework import authentication
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from accounts.authentication import bearer_token
from accounts.choices import Role
from accounts.models import APIKey

TOKEN_AUTH = "metrics-token"  # noqa: S105  # a marker for request.auth, not a secret


class Scraper:
    """The caller holding the scrape token: no user, no role, nothing but ``/metrics``."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    pk = None
    id = None
    role = None

    def __str__(self) -> str:
        return "metrics scraper"


class MetricsTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <METRICS_BEARER_TOKEN>``, compared in constant time. Any other
    bearer is left to the classes after it (an API key, an access token)."""

    def authenticate(self, request: Request) -> tuple[Scraper, str] | None:
        expected = str(settings.METRICS_BEARER_TOKEN)
        token = bearer_token(request)
        if not expected or token is None:
            return None
        if hmac.compare_digest(token.encode(), expected.encode()):
            return Scraper(), TOKEN_AUTH
        return None

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="metrics"'


class CanScrape(BasePermission):
    """The token, a key (its scope was checked when it authenticated), or an admin."""

    message = "Scraping /metrics needs the metrics token, an API key with the scope 'prometheus:read', or an admin."

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.auth == TOKEN_AUTH or isinstance(request.auth, APIKey):
            return True
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "role", None) == Role.ADMIN)
