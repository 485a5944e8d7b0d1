"""Each client application's own rate limit: one bucket per client (``CLIENT_RATE_LIMIT``),
counted on every request it makes, beside the limits every caller meets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from chatops import ratelimit
from clients.models import Client

if TYPE_CHECKING:
    from rest_framework.views import APIView


class ClientRateLimit(BaseThrottle):
    """DRF throttle (``DEFAULT_THROTTLE_CLASSES``): requests made with a client's key count in
    the ``client`` bucket of that client; other callers pass untouched."""

    decision: ratelimit.Decision | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        client = request.auth
        if not ratelimit.enabled() or not isinstance(client, Client):
            return True
        decision = ratelimit.hit("client", str(client.pk))
        self.decision = decision
        django_request = request._request
        shown: ratelimit.Decision | None = getattr(django_request, "_ratelimit", None)
        # The X-RateLimit-* headers tell the bucket nearer its end.
        if shown is None or decision.remaining <= shown.remaining:
            django_request._ratelimit = decision  # type: ignore[attr-defined]
        return decision.allowed

    def wait(self) -> float | None:
        return float(self.decision.retry_after) if self.decision is not None else None
