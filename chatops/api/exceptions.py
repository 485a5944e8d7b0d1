"""One error body for every failure the API can give, and the errors of our own domain.

``{"detail", "status_code", "error_code", "errors": [{"field", "message"}], "request_id"}``.
Unhandled exceptions become a 500 with the request id and no traceback; the traceback goes
to the log under the same request id.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from chatops.api.envelope import FieldError, error_body
from chatops.shutdown import RETRY_AFTER_SECONDS, ShuttingDown

logger = logging.getLogger("chatops.api")


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"

    def __init__(self, detail: Any = None, code: str | None = None, data: Any = None) -> None:
        super().__init__(detail, code)
        #: The object the conflict left on record (a command that did not run), sent as ``data``.
        self.data = data


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "A service the hub depends on is unavailable."
    default_code = "service_unavailable"


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the hub accepts."
    default_code = "request_too_large"


def request_too_large() -> RequestTooLarge:
    return RequestTooLarge(f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes.")


class UniqueConflict(exceptions.ValidationError):
    """A value that must be unique is taken: 409, with the fields named like a 400."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def flatten_errors(detail: Any, field: str | None = None) -> list[FieldError]:
    """Turn DRF's nested error detail into a flat list of ``{field, message}``."""
    if isinstance(detail, dict):
        out: list[FieldError] = []
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "detail") else str(key)
            out.extend(flatten_errors(value, f"{field}.{name}" if field and name else (name or field)))
        return out
    if isinstance(detail, list):
        out = []
        for index, item in enumerate(detail):
            # A list of messages belongs to the field; a list of objects is indexed, as a path
            # (`metrics.0.name`, like a list field's item: `tags.2`).
            child = f"{field}.{index}" if isinstance(item, dict | list) and field else field
            out.extend(flatten_errors(item, child))
        return out
    return [{"field": field, "message": str(detail)}]


def _error_code(exc: exceptions.APIException) -> str:
    if isinstance(exc, UniqueConflict):
        return "conflict"
    if isinstance(exc, exceptions.ValidationError):
        return "validation_error"
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    if isinstance(codes, dict) and isinstance(codes.get("code"), str):
        # simplejwt puts its own code beside the detail.
        return str(codes["code"])
    return str(getattr(exc, "default_code", "error"))


def _detail(exc: exceptions.APIException, errors: list[FieldError]) -> str:
    if isinstance(exc, exceptions.ValidationError):
        if not errors:
            return "Invalid input."
        first = errors[0]
        text = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        return text if len(errors) == 1 else f"{text} (and {len(errors) - 1} more)"
    detail = exc.detail
    if isinstance(detail, dict):
        return str(detail.get("detail", exc.default_detail))
    if isinstance(detail, list):
        return str(detail[0]) if detail else str(exc.default_detail)
    return str(detail)


def _where(context: dict[str, Any]) -> str:
    """What failed, for the log: the DRF view, or (a lean route has none) the request."""
    view, request = context.get("view"), context.get("request")
    if view is not None:
        return type(view).__name__
    if request is not None:
        return f"{request.method} {request.path}"
    return "an API call"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, ShuttingDown):
        exc = ServiceUnavailable(str(exc) or "The hub is restarting; try again shortly.")
        exc.wait = RETRY_AFTER_SECONDS  # type: ignore[attr-defined]
    elif isinstance(exc, RequestDataTooBig):
        # Django refuses to read a body past DATA_UPLOAD_MAX_MEMORY_SIZE (checked against
        # Content-Length before reading, so nothing is parsed); the client's fault, not ours.
        exc = request_too_large()
    elif not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled error in %s", _where(context))
        exc = exceptions.APIException()

    headers: dict[str, str] = {}
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        headers["WWW-Authenticate"] = auth_header
    wait = getattr(exc, "wait", None)
    if wait is not None:
        headers["Retry-After"] = str(max(1, math.ceil(wait)))

    # Only validation errors name fields; other details (simplejwt's token diagnostics among
    # them) stay out of the body beyond the one-line detail.
    errors = flatten_errors(exc.detail) if isinstance(exc, exceptions.ValidationError) else []
    body = error_body(exc.status_code, _detail(exc, errors), _error_code(exc), errors)
    if isinstance(exc, Conflict) and exc.data is not None:
        body["data"] = exc.data
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)
