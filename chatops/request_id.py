"""The id of the request being served, for responses and every log line it causes."""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
# An inbound X-Request-ID (from a proxy or a client) is kept only if it is short and plain,
# so it cannot inject anything into logs or headers.
_SAFE = re.compile(r"^[A-Za-z0-9._:-]{8,64}\Z")


def new_request_id(inbound: str | None = None) -> str:
    if inbound and _SAFE.match(inbound):
        return inbound
    return uuid.uuid4().hex


def set_request_id(value: str) -> None:
    _request_id.set(value)


def current_request_id() -> str:
    return _request_id.get()


class RequestIDLogFilter(logging.Filter):
    """Puts the current request id on every log record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True
