"""Request ids, JSON errors for the API's non-DRF paths, and the rate-limit headers."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve

from chatops import ratelimit
from chatops.api.envelope import error_body
from chatops.api.exceptions import request_too_large
from chatops.request_id import new_request_id, set_request_id

logger = logging.getLogger("chatops.api")
API_PREFIX = "/api/"
API_V1 = "/api/v1/"


class RequestIDMiddleware:
    """Gives each request an id (a sane inbound ``X-Request-ID`` is kept) and echoes it back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_request_id(request.headers.get("X-Request-ID"))
        set_request_id(request_id)
        request.request_id = request_id  # type: ignore[attr-defined]
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


def _resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def not_found_detail(path: str) -> str:
    """Not found, and where the caller probably meant to go: API paths take no trailing slash,
    and every endpoint is under ``/api/v1/``."""
    if path in ("/api/", "/api/v1/", "/api/v1"):
        return "Not found. The endpoints are under /api/v1/ (e.g. /api/v1/servers); their list is at /docs."
    if path.endswith("/") and _resolves(path.rstrip("/")):
        return f"Not found. API paths take no trailing slash: {path.rstrip('/')}"
    if not path.startswith(API_V1) and _resolves(API_V1 + path[len(API_PREFIX) :]):
        return f"Not found. Did you mean {API_V1}{path[len(API_PREFIX) :]}?"
    return "Not found. The endpoints are listed at /docs."


class APIErrorMiddleware:
    """Under ``/api/``, unknown URLs and errors outside DRF views answer with the error body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code == 404
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return JsonResponse(error_body(404, not_found_detail(request.path), "not_found"), status=404)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, RequestDataTooBig):
            too_large = request_too_large()
            return JsonResponse(error_body(413, str(too_large.detail), "request_too_large"), status=413)
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        return JsonResponse(error_body(500, "A server error occurred.", "error"), status=500)


class RateLimitHeadersMiddleware:
    """Every API response carries ``X-RateLimit-*`` for the caller's bucket.

    DRF views count the request in their own scope (``chatops.ratelimit.ScopedRateLimit``).
    Responses that never reached a throttle (401, 403, unknown URLs) count in the ``default``
    bucket of the caller, so hammering with bad credentials is limited too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or not ratelimit.enabled():
            return response
        decision = getattr(request, "_ratelimit", None)
        if decision is None:
            decision = ratelimit.hit("default", ratelimit.identity(request))
            if not decision.allowed:
                response = JsonResponse(error_body(429, "Request was throttled.", "throttled"), status=429)
                response["Retry-After"] = str(decision.retry_after)
        response["X-RateLimit-Limit"] = str(decision.limit)
        response["X-RateLimit-Remaining"] = str(decision.remaining)
        response["X-RateLimit-Reset"] = str(decision.reset)
        return response
