"""The success envelope ``{"data", "message"}`` and the error body, built in one place."""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

from chatops.request_id import current_request_id


class Envelope(dict[str, Any]):
    """A response body that is already in its envelope; the renderer passes it through."""


class FieldError(TypedDict):
    field: str | None
    message: str


class ErrorBody(TypedDict):
    detail: str
    status_code: int
    error_code: str
    errors: list[FieldError]
    request_id: str
    data: NotRequired[Any]  # a 409's object on record (a command that did not run)


def envelope(data: Any, message: str = "OK", **extra: Any) -> Envelope:
    return Envelope(data=data, message=message, **extra)


def error_body(status_code: int, detail: str, error_code: str, errors: list[FieldError] | None = None) -> ErrorBody:
    return {
        "detail": detail,
        "status_code": status_code,
        "error_code": error_code,
        "errors": errors or [],
        "request_id": current_request_id(),
    }
