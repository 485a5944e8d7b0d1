"""``Authorization: Bearer ck_…``: a client application, acting as its bot user.

A client key is like an API key holding every scope its client's role may hold
(``accounts.scopes``): it reaches every route an app registered with a scope resource, as far
as the role goes, and none of the routes registered with no resource (credentials: register,
sign in, change a password or profile, API keys, client applications), except the client's own
``/clients/me``. The views' own role checks apply on top, as for a person of that role.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts import scopes
from accounts.authentication import BEARER, bearer_token
from accounts.models import User
from chatops import ratelimit
from clients.choices import CLIENT_ROLES
from clients.models import Client

#: The routes a client reaches whatever the registry says of them: its own record.
OWN_ROUTES = frozenset({"clients-api:client-me"})


class IPNotAllowed(exceptions.PermissionDenied):
    default_detail = "This client's key is not accepted from this address."
    default_code = "ip_not_allowed"


def authenticate_key(raw: str, ip: str | None) -> Client:
    """The client ``raw`` is the key of, if it may act from ``ip``; raises otherwise (401 for a
    key that is no active client's, 403 for an address outside its ranges)."""
    client = Client.objects.for_raw_key(raw)
    if client is None:
        raise exceptions.AuthenticationFailed("Invalid, rotated or revoked client key.", code="invalid_client_key")
    if not client.allows_address(ip):
        raise IPNotAllowed(f"This client's key is not accepted from {ip or 'an unknown address'}.")
    if client.role not in CLIENT_ROLES:  # the bot was given a role beside the clients API
        raise exceptions.PermissionDenied(
            f"A client application may not act as {client.role}.", code="client_role_not_allowed"
        )
    return client


class ClientKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, Client] | None:
        token = bearer_token(request)
        if token is None or not token.startswith(settings.CLIENT_KEY_PREFIX):
            return None
        ip = ratelimit.valid_ip(ratelimit.client_ip(request._request))
        client = authenticate_key(token, ip)
        match = request._request.resolver_match
        route = match.view_name if match else None
        if route not in OWN_ROUTES:
            needed = scopes.needed_scope(route, request.method or "GET")
            if needed is None:
                raise exceptions.PermissionDenied("Client applications may not do this.", code="insufficient_scope")
            if not scopes.role_allows(client.role, needed):
                raise exceptions.PermissionDenied(
                    f"A client acting as {client.role} may not use {needed!r}.", code="insufficient_scope"
                )
        client.touch()
        return client.user, client

    def authenticate_header(self, request: Request) -> str:
        return f'{BEARER} realm="api"'
