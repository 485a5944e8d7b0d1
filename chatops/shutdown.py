"""Stopping a hub process within a bounded time, whatever is in flight.

Daphne's own stop cancels every application at once and drops every connection: browsers and
agents saw 1006 (no close frame), and a request waiting on an agent kept its thread blocked on
an event loop that no longer ran, so the process never exited (only SIGKILL ended it). Under
daphne, the first SIGTERM or SIGINT instead:

1. stops listening; a request that still arrives on an open connection gets 503 and a
   websocket that still opens is closed at once with ``CLOSE_HUB_STOPPING``;
2. wakes every request waiting on an agent (``unless_stopping``): it answers 503
   ``service_unavailable`` with ``Retry-After``;
3. closes every open websocket, browsers' and agents', with ``CLOSE_HUB_STOPPING`` (autobahn
   lets an application send only 1000 and 3000-4999, so not 1001 "going away");
4. waits for open requests and sockets to end, at most ``HUB_SHUTDOWN_GRACE_SECONDS``, then
   stops daphne, which cancels what is left. A backstop ends the process if it still runs a
   few seconds after that (a thread stuck where nothing can wake it).

A second signal stops daphne at once (the backstop still holds).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import orjson
from django.conf import settings

from chatops.request_id import new_request_id, set_request_id

# 1001 "going away", in the range an application may send (docs/agent-protocol.md); browsers'
# sockets get it too.
from chatops_agent.wire import CLOSE_HUB_STOPPING

logger = logging.getLogger(__name__)
T = TypeVar("T")
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

RETRY_AFTER_SECONDS = 5
# After the grace period, how long daphne has to stop before the process is ended anyway.
BACKSTOP_SECONDS = 3.0

_stopping = threading.Event()
_lock = threading.Lock()
_waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()


class ShuttingDown(Exception):
    """The hub process is stopping: what waited here will not be answered by this process."""


def stopping() -> bool:
    return _stopping.is_set()


async def unless_stopping(work: Coroutine[Any, Any, T]) -> T:
    """Await ``work``, or raise ``ShuttingDown`` (``work`` cancelled) once the process stops."""
    if _stopping.is_set():
        work.close()
        raise ShuttingDown
    loop = asyncio.get_running_loop()
    woken: asyncio.Future[None] = loop.create_future()
    entry = (loop, woken)
    with _lock:
        _waiters.add(entry)
    task: asyncio.Future[T] = asyncio.ensure_future(work)
    try:
        either: list[asyncio.Future[Any]] = [task, woken]
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            return task.result()
        raise ShuttingDown
    finally:
        with _lock:
            _waiters.discard(entry)
        woken.cancel()
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


def begin() -> None:
    """Mark the process as stopping and wake everything waiting in ``unless_stopping``."""
    _stopping.set()
    with _lock:
        waiters = list(_waiters)
    for loop, woken in waiters:
        with contextlib.suppress(RuntimeError):  # that loop is closed: nothing waits on it any more
            loop.call_soon_threadsafe(_wake, woken)


def _wake(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)


# --- the ASGI side: what is open, and refusing what comes late ------------------------------------


class _Socket:
    def __init__(self, send: Send) -> None:
        self.base_send = send
        self.accepted = False
        self.closed = False

    async def send(self, message: dict[str, Any]) -> None:
        if self.closed:
            return  # closed by the drain: the application's later messages have no socket
        kind = message["type"]
        if kind == "websocket.close":
            self.closed = True
        await self.base_send(message)
        if kind == "websocket.accept":
            self.accepted = True
            if _stopping.is_set():  # accepted while the drain ran: it did not see this socket
                await self.close()

    async def close(self) -> None:
        if self.accepted and not self.closed:
            self.closed = True
            await self.base_send({"type": "websocket.close", "code": CLOSE_HUB_STOPPING})


_open: dict[object, _Socket | None] = {}  # every running HTTP request (None) and websocket


class Drain:
    """Wraps the hub's ASGI application: counts what is open, closes its websockets when the
    process stops, and refuses what arrives after that."""

    def __init__(self, application: Any) -> None:
        self.application = application

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.application(scope, receive, send)
            return
        if _stopping.is_set():
            await (_refuse_http(scope, send) if kind == "http" else _refuse_websocket(receive, send))
            return
        socket = _Socket(send) if kind == "websocket" else None
        key = socket or object()
        _open[key] = socket
        try:
            await self.application(scope, receive, socket.send if socket else send)
        finally:
            del _open[key]


async def _refuse_http(scope: dict[str, Any], send: Send) -> None:
    from chatops.api.envelope import error_body

    inbound = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
    request_id = new_request_id(inbound)
    set_request_id(request_id)
    body = orjson.dumps(error_body(503, "The hub is restarting; try again shortly.", "service_unavailable"))
    headers = [
        (b"content-type", b"application/json"),
        (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
        (b"x-request-id", request_id.encode()),
        *_cors_headers(scope),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _cors_headers(scope: dict[str, Any]) -> list[tuple[bytes, bytes]]:
    """The CORS headers django-cors-headers would add, so that an SPA on an allowed origin reads
    the 503 and its Retry-After instead of a CORS failure."""
    import io

    from corsheaders.middleware import CorsMiddleware
    from django.core.handlers.asgi import ASGIRequest
    from django.http import HttpResponse

    try:
        request = ASGIRequest(scope, io.BytesIO())
        response = CorsMiddleware(lambda _: HttpResponse()).add_response_headers(request, HttpResponse())
    except Exception:  # a request Django cannot read (bad headers) still gets its 503
        return []
    return [
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in response.items()
        if name.lower().startswith("access-control-") or name.lower() == "vary"
    ]


async def _refuse_websocket(receive: Receive, send: Send) -> None:
    # Accepted, then closed: a refused handshake (HTTP 403) would tell an agent its key is bad.
    if (await receive())["type"] == "websocket.connect":
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.close", "code": CLOSE_HUB_STOPPING})


# --- under daphne: the signals, the drain, the backstop ---------------------------------------


def install() -> None:
    """Take SIGTERM and SIGINT from daphne's reactor once it runs (Twisted installs its own
    handlers as it starts). Without daphne's reactor (tests, other servers), nothing."""
    reactor = sys.modules.get("twisted.internet.reactor")
    if reactor is None:
        return

    def take_signals() -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # runserver's autoreloader runs daphne in a thread, without signal handlers

        def handler(number: int, frame: Any) -> None:
            reactor.callFromThread(_on_signal, reactor, number)

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

    reactor.callWhenRunning(take_signals)


def _on_signal(reactor: Any, number: int) -> None:
    if _stopping.is_set():
        logger.warning("Second %s: stopping now", signal.Signals(number).name)
        _stop_reactor(reactor)
        return
    grace = float(settings.HUB_SHUTDOWN_GRACE_SECONDS)
    logger.info("%s: stopping (at most %g s for open requests and sockets)", signal.Signals(number).name, grace)
    threading.Thread(target=_backstop, args=(grace + BACKSTOP_SECONDS,), name="chatops-stop", daemon=True).start()
    _stop_listening(reactor)
    begin()
    asyncio.get_running_loop().create_task(_drain_and_stop(reactor, grace), name="chatops-drain")


def _stop_listening(reactor: Any) -> None:
    from twisted.internet.interfaces import IListeningPort

    for reader in reactor.getReaders():
        if IListeningPort.providedBy(reader):
            reader.stopListening()


async def drain(grace: float) -> int:
    """Close every open websocket, then wait up to ``grace`` seconds for the open requests and
    sockets to end; returns how many are still open."""
    deadline = time.monotonic() + grace
    for socket in [s for s in list(_open.values()) if s is not None]:
        try:
            await socket.close()
        except Exception:
            logger.exception("Could not close a websocket")
    while _open and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    if _open:
        logger.warning("%d requests or sockets still open after %g s: stopping anyway", len(_open), grace)
    return len(_open)


async def _drain_and_stop(reactor: Any, grace: float) -> None:
    await drain(grace)
    _stop_reactor(reactor)


def _stop_reactor(reactor: Any) -> None:
    from twisted.internet.error import ReactorNotRunning

    with contextlib.suppress(ReactorNotRunning):
        reactor.stop()


def _backstop(seconds: float) -> None:
    time.sleep(seconds)
    stuck = [t.name for t in threading.enumerate() if t is not threading.current_thread() and not t.daemon]
    logger.error("Still running %g s after the signal (threads: %s): exiting", seconds, ", ".join(stuck) or "none")
    logging.shutdown()
    os._exit(0)
