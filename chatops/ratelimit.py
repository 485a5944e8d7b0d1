"""Fixed-window rate limits, counted atomically so parallel requests cannot slip past.

Counters live in Redis when ``REDIS_URL`` is set (``INCR`` then ``EXPIRE``, in one script: one
command, one round trip),
otherwise in the database (one ``INSERT … ON CONFLICT DO UPDATE … RETURNING``, in the store
``RATE_LIMIT_DATABASE_STORE`` names), so several
hub processes always share one count. The window is fixed: simple, cheap and predictable for
clients, which read ``X-RateLimit-Reset`` to know when it starts again.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView
from rest_framework.throttling import BaseThrottle

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    """What one counted request learned about its bucket."""

    limit: int
    remaining: int
    reset: int  # unix time the window ends
    allowed: bool
    retry_after: int


def enabled() -> bool:
    return bool(settings.RATE_LIMIT_ENABLED)


@cache
def _redis() -> Any:
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)


# One command, one reply: a ``MULTI``/``INCR``/``EXPIRE``/``EXEC`` pipeline sent four and parsed
# four, on every API request (bench/README.md, "Session 18"). A script runs atomically too.
_INCR_SCRIPT = "local n = redis.call('INCR', KEYS[1]) redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX') return n"


@cache
def _incr_script() -> Any:
    return _redis().register_script(_INCR_SCRIPT)


def _incr_redis(key: str, ttl: int) -> int:
    return int(_incr_script()(keys=[key], args=[ttl]))


class DatabaseStore(Protocol):
    """The counters' home without Redis: a model of an app (``RATE_LIMIT_DATABASE_STORE``)."""

    def incr(self, key: str, ttl: int, now: float) -> int: ...

    def decr(self, key: str) -> None: ...


@cache
def database_store() -> DatabaseStore:
    store: DatabaseStore = import_string(settings.RATE_LIMIT_DATABASE_STORE)()
    return store


def _full_key(key: str, period: int, window: int) -> str:
    # Prefixed like every other Redis key of this hub, so hubs sharing a Redis do not share counts.
    return f"{settings.REDIS_PREFIX}:rl:{key}:{period}:{window}"


def count(key: str, period: int, now: float | None = None) -> tuple[int, int]:
    """Count one event under ``key`` in the current window; returns (count, window end)."""
    now = time.time() if now is None else now
    window = int(now // period)
    reset = (window + 1) * period
    full_key = _full_key(key, period, window)
    ttl = reset - int(now) + 1
    value = _incr_redis(full_key, ttl) if settings.REDIS_URL else database_store().incr(full_key, ttl, now)
    return value, reset


def check(key: str, limit: int, period: int, now: float | None = None) -> Decision:
    """Count one request and decide. If the counter store is down, the request is let
    through (and logged): an outage of Redis must not turn every API call into an error.
    Login attempts do not use this; they fail closed (``accounts.services.login``)."""
    now = time.time() if now is None else now
    try:
        value, reset = count(key, period, now)
    except Exception as exc:
        logger.warning("Rate-limit counter unavailable (%s); letting the request through", type(exc).__name__)
        return Decision(limit=limit, remaining=limit, reset=int(now) + period, allowed=True, retry_after=0)
    allowed = value <= limit
    return Decision(
        limit=limit,
        remaining=max(0, limit - value),
        reset=reset,
        allowed=allowed,
        retry_after=0 if allowed else max(1, math.ceil(reset - now)),
    )


def hit(scope: str, ident: str) -> Decision:
    limit, period = settings.RATE_LIMITS[scope]
    return check(f"{scope}:{ident}", limit, period)


def client_ip(request: HttpRequest) -> str:
    """The client's address; ``X-Forwarded-For`` is believed only from configured proxies."""
    return client_ip_from(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""))


def client_ip_from(remote: str, forwarded_for: str) -> str:
    """The same rule for HTTP and websocket scopes: the socket peer, unless TRUSTED_PROXY_COUNT
    proxies stand in front, in which case the entry that many from the right."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [p.strip() for p in forwarded_for.split(",") if p.strip()]
        if len(forwarded) >= proxies:
            try:
                return str(ipaddress.ip_address(forwarded[-proxies]))
            except ValueError:
                pass
    return remote or "unknown"


def valid_ip(value: str | None) -> str | None:
    """``value`` if it is an IP address (for columns of that type), else None."""
    try:
        return str(ipaddress.ip_address(value or ""))
    except ValueError:
        return None


def identity(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


class ScopedRateLimit(BaseThrottle):
    """DRF throttle: counts the request in ``view.throttle_scope`` (``default`` if unset)."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        if not enabled():
            return True
        scope = getattr(view, "throttle_scope", None) or "default"
        django_request = request._request
        decision = hit(scope, identity(django_request))
        django_request._ratelimit = decision  # type: ignore[attr-defined]
        self.decision = decision
        return decision.allowed

    def wait(self) -> float | None:
        return float(self.decision.retry_after)


def uncount(key: str, period: int, now: float | None = None) -> None:
    """Give back one event counted by ``count`` in the same window (for example a login that
    turned out to be right, so only failures use up the allowance)."""
    now = time.time() if now is None else now
    full_key = _full_key(key, period, int(now // period))
    if settings.REDIS_URL:
        _redis().decr(full_key)
        return
    database_store().decr(full_key)
