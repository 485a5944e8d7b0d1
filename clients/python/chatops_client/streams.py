"""The hub's live streams (``/api/v1/ws/…``) as iterators of events.

Browsers' sockets authenticate with the access token as the subprotocols ``["bearer", token]``,
never in the query string (which ends up in access logs), and send an ``Origin`` the hub allows:
the hub's own URL. An API key opens no browser stream; sign in with a password for these.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Generator
from typing import Any

from websockets.asyncio.client import connect as aconnect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect
from websockets.typing import Origin, Subprotocol

from chatops_client._base import USER_AGENT, api_path
from chatops_client.aio import AsyncChatOps
from chatops_client.client import ChatOps
from chatops_client.errors import APIError, ChatOpsError, Forbidden, NotFound, Unauthorized

# The hub's close codes (docs/api.md, "Live streams").
CLOSE_ERRORS: dict[int, type[APIError]] = {4401: Unauthorized, 4403: Forbidden, 4404: NotFound}


class StreamClosed(ChatOpsError):
    """The hub closed the stream (4001: it is restarting; reconnect after a short wait)."""

    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(f"the stream closed ({code}{': ' + reason if reason else ''})")
        self.code = code


def _closed(code: int | None, reason: str) -> ChatOpsError:
    kind = CLOSE_ERRORS.get(code or 0)
    if kind is not None:
        status = {Unauthorized: 401, Forbidden: 403, NotFound: 404}[kind]
        return kind(status, f"ws_{code}", reason or "the hub refused the stream")
    return StreamClosed(code, reason)


def _target(base_url: str, path: str) -> tuple[str, Origin]:
    ws = (
        "wss://" + base_url.removeprefix("https://")
        if base_url.startswith("https://")
        else ("ws://" + base_url.removeprefix("http://"))
    )
    return ws + api_path("/ws/" + path.removeprefix("/ws/").lstrip("/")), Origin(base_url)


def stream(
    client: ChatOps, path: str, *, open_timeout: float = 10, idle: float | None = None
) -> Generator[dict[str, Any]]:
    """Events of ``/api/v1/ws/{path}`` (``logs/3``, ``commands/17``…) until the hub closes it.

    With ``idle``, ``{"type": "idle"}`` comes after that many seconds without an event, so a
    caller can look elsewhere (the REST API) meanwhile."""
    url, origin = _target(client.base_url, path)
    token = client.fresh_access_token()
    try:
        socket = connect(
            url, subprotocols=[Subprotocol("bearer"), Subprotocol(token)], origin=origin,
            user_agent_header=USER_AGENT, open_timeout=open_timeout,
        )  # fmt: skip
    except InvalidStatus as exc:
        raise _closed(4403 if exc.response.status_code == 403 else None, str(exc)) from None
    with socket:
        try:
            while True:
                try:
                    yield json.loads(socket.recv(timeout=idle))
                except TimeoutError:
                    yield {"type": "idle"}
        except ConnectionClosed as exc:
            if exc.rcvd is not None and exc.rcvd.code == 1000:
                return
            raise _closed(exc.rcvd.code if exc.rcvd else None, exc.rcvd.reason if exc.rcvd else "") from None


async def astream(client: AsyncChatOps, path: str, *, open_timeout: float = 10) -> AsyncIterator[dict[str, Any]]:
    """The async form of :func:`stream`."""
    url, origin = _target(client.base_url, path)
    token = await client.fresh_access_token()
    try:
        socket = await aconnect(
            url, subprotocols=[Subprotocol("bearer"), Subprotocol(token)], origin=origin,
            user_agent_header=USER_AGENT, open_timeout=open_timeout,
        )  # fmt: skip
    except InvalidStatus as exc:
        raise _closed(4403 if exc.response.status_code == 403 else None, str(exc)) from None
    async with socket:
        try:
            while True:
                yield json.loads(await socket.recv())
        except ConnectionClosed as exc:
            if exc.rcvd is not None and exc.rcvd.code == 1000:
                return
            raise _closed(exc.rcvd.code if exc.rcvd else None, exc.rcvd.reason if exc.rcvd else "") from None
