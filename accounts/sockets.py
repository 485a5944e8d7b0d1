"""Authentication of websocket scopes, as ASGI middleware that fills the scope, and the
wrappers each app's ``routing.py`` puts around its consumers.

- Agents: ``Authorization: Bearer <API key>`` → ``scope["api_key"]`` (or None).
- Browsers: the access token as subprotocols ``["bearer", <token>]`` → ``scope["user"]``
  (an AnonymousUser when missing or invalid); the consumer answers with the ``bearer``
  subprotocol. A key an app registered (``chatops.registry.register_socket_key``: a client
  application's ``ck_`` key) may stand in for the token. Never the query string: it ends up in access logs.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

from accounts.authentication import JWTAuthentication
from accounts.models import APIKey
from chatops import registry
from chatops.ratelimit import client_ip_from, valid_ip

Scope = dict[str, Any]


def header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return ""


def scope_ip(scope: Scope) -> str:
    client = scope.get("client") or ("", 0)
    return client_ip_from(str(client[0] or ""), header(scope, b"x-forwarded-for"))


def _key_for(raw: str) -> APIKey | None:
    key = APIKey.objects.for_raw_key(raw)
    if key is not None:
        key.touch()
    return key


def _user_for(token: str, ip: str | None = None) -> Any:
    """The user an access token (or a key an app registered for sockets, such as a client
    application's) signs in; AnonymousUser when it signs in nobody."""
    for prefix in registry.socket_keys:
        if token.startswith(prefix):
            authenticate = registry.socket_keys.get(prefix)
            return (authenticate(token, ip) if authenticate is not None else None) or AnonymousUser()
    auth = JWTAuthentication()
    try:
        validated = auth.get_validated_token(token.encode())
        return auth.get_user(validated)
    except (InvalidToken, TokenError, AuthenticationFailed):
        return AnonymousUser()


class APIKeyAuthMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        scheme, _, token = header(scope, b"authorization").partition(" ")
        key = None
        if scheme.lower() == "bearer" and token.strip():
            key = await database_sync_to_async(_key_for)(token.strip())
        return await self.app({**scope, "api_key": key, "client_ip": valid_ip(scope_ip(scope))}, receive, send)


class JWTSubprotocolAuthMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        protocols = list(scope.get("subprotocols") or [])
        user: Any = AnonymousUser()
        ip = valid_ip(scope_ip(scope))
        if len(protocols) >= 2 and protocols[0] == "bearer":
            user = await database_sync_to_async(_user_for)(protocols[1], ip)
        return await self.app({**scope, "user": user, "client_ip": ip}, receive, send)


def browser_route(consumer: Any) -> Any:
    """A browser's route: behind the origin check, signed in with a JWT subprotocol."""
    return AllowedHostsOriginValidator(JWTSubprotocolAuthMiddleware(consumer.as_asgi()))


def agent_route(consumer: Any) -> Any:
    """The agent's route: no origin check (agents send no Origin); its API key instead."""
    return APIKeyAuthMiddleware(consumer.as_asgi())
