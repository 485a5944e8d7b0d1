"""The synchronous client: :class:`ChatOps`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Self

import httpx

from chatops_client._base import NO_AUTH, Page, Settings, T, api_path, envelope, unwrap
from chatops_client.auth import Credentials, expired
from chatops_client.errors import APIError, NotSignedIn
from chatops_client.generated.client import AuthenticatedClient
from chatops_client.retry import RetryTransport

if TYPE_CHECKING:  # the generated models take seconds to import: only for the types
    from chatops_client.generated.models.error import Error
    from chatops_client.generated.types import Response


class ChatOps:
    """A signed-in connection to one hub.

    ``ChatOps(url, api_key=…)``, ``ChatOps(url, access_token=…, refresh_token=…)``, or
    ``ChatOps.sign_in(url, username, password)``. ``request``/``get``/``post`` answer the
    envelope's ``data``; ``paginate`` walks a list page by page; ``call`` runs a generated
    endpoint function (``chatops_client.generated.api…``) on this connection; ``api`` is the
    generated client itself, sharing this connection (sign-in, refresh, retries).
    """

    def __init__(self, base_url: str, *, transport: httpx.BaseTransport | None = None, **options: Any) -> None:
        self.settings = Settings(base_url, **options)
        inner = transport or httpx.HTTPTransport(verify=self.settings.verify)
        self.http = httpx.Client(transport=RetryTransport(inner, self.settings.retry), **self.settings.client_args())
        self.api = AuthenticatedClient(base_url=self.settings.base_url, token="").set_httpx_client(self.http)

    @classmethod
    def sign_in(cls, base_url: str, username: str, password: str, **options: Any) -> Self:
        client = cls(base_url, **options)
        client.login(username, password)
        return client

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    @property
    def credentials(self) -> Credentials:
        return self.settings.credentials

    def login(self, username: str, password: str) -> dict[str, Any]:
        """Sign in with a username (or e-mail) and password; answers the token pair and ``user``."""
        response = self.http.post(
            api_path("/auth/login"), json={"username": username, "password": password}, auth=NO_AUTH
        )
        return self.settings.login_body(response)

    def fresh_access_token(self) -> str:
        """A JWT access token that has not expired (renewed if needed): what live streams need."""
        creds = self.credentials
        if creds.api_key and not creds.access_token:
            raise NotSignedIn("live streams need a signed-in user (chatops login with a password), not an API key")
        if creds.refresh_token and (not creds.access_token or expired(creds.access_token)):
            used = creds.refresh_token
            response = self.http.send(self.settings.auth.refresh_request(), auth=NO_AUTH)
            if not self.settings.auth.apply_refresh(response, used):
                raise APIError.from_response(response)
        if not creds.access_token:
            raise NotSignedIn("not signed in")
        return creds.access_token

    def request_envelope(
        self, method: str, path: str, *, params: dict[str, Any] | None = None, json: Any = None
    ) -> Any:
        """The whole answer (``data``, ``message``, ``pagination``); typed errors for 4xx/5xx."""
        response = self.http.request(method, api_path(path), params=_params(params), json=json)
        return envelope(response)

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None, json: Any = None) -> Any:
        body = self.request_envelope(method, path, params=params, json=json)
        return body.get("data") if isinstance(body, dict) else body

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params)

    def post(self, path: str, json: Any = None) -> Any:
        return self.request("POST", path, json=json)

    def paginate(self, path: str, params: dict[str, Any] | None = None, *, size: int = 100) -> Iterator[Any]:
        """Every item of a paginated list, fetching the next page when this one is used up."""
        page = 1
        while True:
            body = self.request_envelope("GET", path, params={**(params or {}), "page": page, "size": size})
            yield from body["data"]
            if not body.get("pagination", {}).get("has_next"):
                return
            page += 1

    def call(self, endpoint: Callable[..., Response[Error | T]], **kwargs: Any) -> T:
        """A generated ``…sync_detailed`` function on this connection: its parsed answer, or the typed error."""
        result: T = unwrap(endpoint(client=self.api, **kwargs))
        return result

    def pages(
        self, endpoint: Callable[..., Response[Error | Page[T]]], *, size: int = 100, **kwargs: Any
    ) -> Iterator[T]:
        """Every item of a generated list endpoint (``servers_list.sync_detailed``), as typed models."""
        page = 1
        while True:
            result: Page[T] = unwrap(endpoint(client=self.api, page=page, size=size, **kwargs))
            yield from result.data
            if not result.pagination.has_next:
                return
            page += 1

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _params(params: dict[str, Any] | None) -> dict[str, Any] | None:
    """Leaves out parameters given as None (the hub refuses a blank value it cannot use)."""
    if params is None:
        return None
    return {k: v for k, v in params.items() if v is not None}
