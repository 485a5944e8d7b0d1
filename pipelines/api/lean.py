"""The receivers' lean route: a plain POST to ``/api/v1/integrations/{provider}/{id}``
answered without DRF and the session, user and CSRF middleware (``chatops.lean``), with the
same answers as :class:`pipelines.api.receivers.Receiver` (``accept``, the same throttle
scope, the same error bodies and headers)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from rest_framework.exceptions import Throttled

from chatops import ratelimit
from chatops.lean import error_response, json_response
from pipelines.api.receivers import AUTHENTICATE_HEADER, Receiver, accept


def receive_delivery(request: HttpRequest, provider: str, integration_id: str) -> HttpResponseBase:
    try:
        if ratelimit.enabled():
            # As DRF's throttle does before the view (``ScopedRateLimit``): counted first, the
            # decision kept for the X-RateLimit-* headers.
            decision = ratelimit.hit(Receiver.throttle_scope, ratelimit.identity(request))
            request._ratelimit = decision  # type: ignore[attr-defined]
            if not decision.allowed:
                raise Throttled(wait=float(decision.retry_after))
        body = accept(provider, int(integration_id), request.headers, request.body)
    except Exception as exc:
        return error_response(request, exc, AUTHENTICATE_HEADER)
    return json_response(request, body, 202)
