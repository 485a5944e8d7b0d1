"""Typed errors: every error answer of the hub becomes an :class:`APIError` subclass chosen by
its status, carrying the hub's error body (``error_code``, ``detail``, ``request_id``…)."""

from __future__ import annotations

from typing import Any

import httpx


class ChatOpsError(Exception):
    """Anything the SDK raises on purpose (not signed in, a closed stream, a bad config…)."""


class NotSignedIn(ChatOpsError):
    """No credentials to send, or a stream that needs a JWT and only an API key is at hand."""


class APIError(ChatOpsError):
    """An error answer of the hub: ``{detail, status_code, error_code, errors, request_id}``."""

    def __init__(
        self,
        status_code: int,
        error_code: str,
        detail: str,
        request_id: str = "",
        errors: list[dict[str, Any]] | None = None,
        data: Any = None,
        headers: httpx.Headers | None = None,
    ) -> None:
        super().__init__(f"{status_code} {error_code}: {detail}" + (f" (request {request_id})" if request_id else ""))
        self.status_code = status_code
        self.error_code = error_code
        self.detail = detail
        self.request_id = request_id
        self.errors = errors or []
        self.data = data
        self.headers = headers or httpx.Headers()

    @classmethod
    def from_response(cls, response: httpx.Response) -> APIError:
        """The typed error of an answer of status 400 or more (also when its body is not the hub's)."""
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            body = {}
        status = response.status_code
        kind = _BY_STATUS.get(status, ServerError if status >= 500 else APIError)
        return kind(
            status_code=status,
            error_code=str(body.get("error_code") or f"http_{status}"),
            detail=str(body.get("detail") or response.reason_phrase or "error"),
            request_id=str(body.get("request_id") or response.headers.get("X-Request-ID", "")),
            errors=body.get("errors") if isinstance(body.get("errors"), list) else [],
            data=body.get("data"),
            headers=response.headers,
        )


class BadRequest(APIError):
    """400: the request broke a rule (``errors`` names the fields)."""


class Unauthorized(APIError):
    """401: no, a wrong or an expired credential (and no refresh token could renew it)."""


class Forbidden(APIError):
    """403: signed in, but the role or the key's scopes do not allow it."""


class NotFound(APIError):
    """404: no such object, or one the caller may not see."""


class Conflict(APIError):
    """409: the request clashes with the state (a command that did not run: ``data`` is its row)."""


class RateLimited(APIError):
    """429 after the retries (or a ``Retry-After`` longer than the client waits)."""

    @property
    def retry_after(self) -> float | None:
        from chatops_client.retry import retry_after_seconds

        return retry_after_seconds(self.headers)


class ServerError(APIError):
    """5xx."""


class ServiceUnavailable(ServerError):
    """503: the hub is stopping or a dependency is down (retried for idempotent requests)."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    429: RateLimited,
    503: ServiceUnavailable,
}
