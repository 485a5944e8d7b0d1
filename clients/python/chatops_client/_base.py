"""What the sync and the async client share: settings, paths, the envelope and typed calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from chatops_client.auth import Credentials, TokenAuth, TokensCallback
from chatops_client.errors import APIError
from chatops_client.retry import RetryPolicy

if TYPE_CHECKING:  # the generated models take seconds to import: only for the types
    from chatops_client.generated.types import Response

__version__ = "0.1.0"
API_PREFIX = "/api/v1"
USER_AGENT = f"chatops-client/{__version__}"

T = TypeVar("T")
Item = TypeVar("Item")


class PageInfo(Protocol):
    has_next: bool


class Page(Protocol[Item]):
    """A generated ``Paginated…List``: ``data`` and ``pagination``."""

    @property
    def data(self) -> list[Item]: ...

    @property
    def pagination(self) -> PageInfo: ...


def api_path(path: str) -> str:
    """``/servers`` → ``/api/v1/servers``; a path already under ``/api/`` stays as it is."""
    if path.startswith(("http://", "https://", "/api/")):
        return path
    return API_PREFIX + ("" if path.startswith("/") else "/") + path


def envelope(response: httpx.Response) -> Any:
    """The parsed body of a success; an :class:`APIError` subclass for a status of 400 or more."""
    if response.status_code >= 400:
        raise APIError.from_response(response)
    if not response.content:
        return None
    return response.json()


def unwrap(result: Response[Any]) -> Any:
    """The parsed answer of a generated ``*_detailed`` call; raises the typed error for an error status."""
    if result.status_code >= 400:
        raise APIError.from_response(httpx.Response(result.status_code, content=result.content, headers=result.headers))
    return result.parsed


class Settings:
    """Connection settings and credentials shared by :class:`ChatOps` and :class:`AsyncChatOps`."""

    def __init__(
        self,
        base_url: str,
        *,
        access_token: str | None = None,
        refresh_token: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        on_tokens: TokensCallback | None = None,
        verify: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credentials = Credentials(access_token=access_token, refresh_token=refresh_token, api_key=api_key)
        self.auth = TokenAuth(self.credentials, self.base_url, on_tokens)
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.verify = verify

    def client_args(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "headers": {"User-Agent": USER_AGENT},
        }

    def login_body(self, response: httpx.Response) -> dict[str, Any]:
        data = envelope(response)["data"]
        self.credentials.api_key = None
        self.credentials.access_token = data["access_token"]
        self.credentials.refresh_token = data["refresh_token"]
        if self.auth.on_tokens is not None:
            self.auth.on_tokens(self.credentials)
        return dict(data)


# Sign-in sends no credentials: a plain httpx.Auth passes the request through unchanged.
NO_AUTH = httpx.Auth()
