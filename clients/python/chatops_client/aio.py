"""The asynchronous client: :class:`AsyncChatOps`, the same calls as :class:`~chatops_client.ChatOps`
awaited (``paginate`` and ``pages`` are async iterators)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, Self

import httpx

from chatops_client._base import NO_AUTH, Page, Settings, T, api_path, envelope, unwrap
from chatops_client.auth import Credentials, expired
from chatops_client.client import _params
from chatops_client.errors import APIError, NotSignedIn
from chatops_client.generated.client import AuthenticatedClient
from chatops_client.retry import AsyncRetryTransport

if TYPE_CHECKING:  # the generated models take seconds to import: only for the types
    from chatops_client.generated.models.error import Error
    from chatops_client.generated.types import Response


class AsyncChatOps:
    def __init__(self, base_url: str, *, transport: httpx.AsyncBaseTransport | None = None, **options: Any) -> None:
        self.settings = Settings(base_url, **options)
        inner = transport or httpx.AsyncHTTPTransport(verify=self.settings.verify)
        self.http = httpx.AsyncClient(
            transport=AsyncRetryTransport(inner, self.settings.retry), **self.settings.client_args()
        )
        self.api = AuthenticatedClient(base_url=self.settings.base_url, token="").set_async_httpx_client(self.http)

    @classmethod
    async def sign_in(cls, base_url: str, username: str, password: str, **options: Any) -> Self:
        client = cls(base_url, **options)
        await client.login(username, password)
        return client

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    @property
    def credentials(self) -> Credentials:
        return self.settings.credentials

    async def login(self, username: str, password: str) -> dict[str, Any]:
        response = await self.http.post(
            api_path("/auth/login"), json={"username": username, "password": password}, auth=NO_AUTH
        )
        return self.settings.login_body(response)

    async def fresh_access_token(self) -> str:
        creds = self.credentials
        if creds.api_key and not creds.access_token:
            raise NotSignedIn("live streams need a signed-in user (chatops login with a password), not an API key")
        if creds.refresh_token and (not creds.access_token or expired(creds.access_token)):
            used = creds.refresh_token
            response = await self.http.send(self.settings.auth.refresh_request(), auth=NO_AUTH)
            await response.aread()
            if not self.settings.auth.apply_refresh(response, used):
                raise APIError.from_response(response)
        if not creds.access_token:
            raise NotSignedIn("not signed in")
        return creds.access_token

    async def request_envelope(
        self, method: str, path: str, *, params: dict[str, Any] | None = None, json: Any = None
    ) -> Any:
        response = await self.http.request(method, api_path(path), params=_params(params), json=json)
        return envelope(response)

    async def request(self, method: str, path: str, *, params: dict[str, Any] | None = None, json: Any = None) -> Any:
        body = await self.request_envelope(method, path, params=params, json=json)
        return body.get("data") if isinstance(body, dict) else body

    async def get(self, path: str, **params: Any) -> Any:
        return await self.request("GET", path, params=params)

    async def post(self, path: str, json: Any = None) -> Any:
        return await self.request("POST", path, json=json)

    async def paginate(self, path: str, params: dict[str, Any] | None = None, *, size: int = 100) -> AsyncIterator[Any]:
        page = 1
        while True:
            body = await self.request_envelope("GET", path, params={**(params or {}), "page": page, "size": size})
            for item in body["data"]:
                yield item
            if not body.get("pagination", {}).get("has_next"):
                return
            page += 1

    async def call(self, endpoint: Callable[..., Awaitable[Response[Error | T]]], **kwargs: Any) -> T:
        """A generated ``…asyncio_detailed`` function on this connection."""
        result: T = unwrap(await endpoint(client=self.api, **kwargs))
        return result

    async def pages(
        self, endpoint: Callable[..., Awaitable[Response[Error | Page[T]]]], *, size: int = 100, **kwargs: Any
    ) -> AsyncIterator[T]:
        page = 1
        while True:
            result: Page[T] = unwrap(await endpoint(client=self.api, page=page, size=size, **kwargs))
            for item in result.data:
                yield item
            if not result.pagination.has_next:
                return
            page += 1

    async def aclose(self) -> None:
        await self.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
