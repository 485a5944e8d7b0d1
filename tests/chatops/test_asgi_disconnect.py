"""The end of a request in the hub's ASGI handler (``chatops.handlers``): the server's
``http.disconnect`` after the response, and a client that leaves while the view runs.

Daphne puts ``http.disconnect`` on a request's queue as soon as its response is written, so
the handler's listening task ends with ``RequestAborted`` on nearly every request. Django's
handler re-raised it in its own frame (``task.result()``), which made every request a
reference cycle for the garbage collector; the collections that followed stopped the event
loop for 50-100 ms every ~2 s at 200 requests/s (bench/README.md, session 22)."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIRequest
from django.core.handlers.base import BaseHandler

from chatops.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = [(b"host", b"localhost"), (b"accept", b"application/json")]


def _scope(method: str, path: str) -> dict[str, Any]:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": HEADERS,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "http_version": "1.1",
        "root_path": "",
        "asgi": {"version": "3.0"},
    }


async def served_as_daphne_serves(method: str, path: str) -> list[dict[str, Any]]:
    """One request through the application; ``http.disconnect`` follows the response's last
    body message at once, as daphne sends it."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    queue.put_nowait({"type": "http.request", "body": b"{}", "more_body": False})
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            queue.put_nowait({"type": "http.disconnect"})

    await application(_scope(method, path), queue.get, send)
    return sent


@pytest.fixture
def cycles() -> Iterator[list[Any]]:
    """What the garbage collector finds in reference cycles while the test runs (the collector
    is off until the test has looked, so nothing is collected behind its back)."""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    found: list[Any] = []
    try:
        yield found
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def _collect(found: list[Any]) -> None:
    gc.collect()
    found.extend(gc.garbage)
    gc.garbage.clear()


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("POST", "/api/v1/integrations/github/987654", 404),  # a lean route (chatops.lean)
        ("GET", "/api/v1/no-such-route", 404),  # the full chain, without DRF
    ],
    ids=["lean route", "full chain"],
)
async def test_a_request_leaves_no_reference_cycle_behind(method, path, status, cycles):
    for _ in range(3):  # warm: caches filled on first use are not the request's
        await served_as_daphne_serves(method, path)
    gc.collect()
    gc.garbage.clear()

    for _ in range(20):
        sent = await served_as_daphne_serves(method, path)
        assert sent[0]["status"] == status
    _collect(cycles)

    kinds = {type(obj) for obj in cycles}
    # None of the handler's own: its tasks, the disconnect it was told of.
    assert not any(issubclass(kind, RequestAborted | asyncio.Task) for kind in kinds), sorted(
        kind.__qualname__ for kind in kinds
    )
    if path.startswith("/api/v1/integrations/"):
        # The lean route's request is freed whole. The full chain's is still held in cycles
        # by Django's session, messages and auth middleware (``request._messages.request``,
        # the lazy ``request.user``), which the lean chain does not run.
        assert not any(issubclass(kind, ASGIRequest) for kind in kinds)


async def test_a_client_that_leaves_while_the_view_runs_gets_no_answer_and_the_request_finishes(monkeypatch):
    """The view's task is cancelled (the view runs on in its thread to its end), nothing is
    sent, and ``request_finished`` is sent once: by the thread, which closes the response it
    made (before, the handler sent it a second time)."""
    entered, release = threading.Event(), threading.Event()
    get_response = BaseHandler.get_response

    def slow(self, request):
        entered.set()
        release.wait(5)
        return get_response(self, request)

    monkeypatch.setattr(BaseHandler, "get_response", slow)
    finished: list[str] = []

    def on_finished(**kwargs):
        finished.append("finished")

    signals.request_finished.connect(on_finished, weak=False)
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    queue.put_nowait({"type": "http.request", "body": b"", "more_body": False})
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    try:
        served = asyncio.ensure_future(application(_scope("GET", "/api/v1/no-such-route"), queue.get, send))
        await asyncio.get_running_loop().run_in_executor(None, entered.wait, 5)
        queue.put_nowait({"type": "http.disconnect"})
        await asyncio.sleep(0.2)
        release.set()  # asgiref waits for the view's thread before the task ends cancelled
        await asyncio.wait_for(served, 5)
        for _ in range(50):  # the view's thread closes its response when it ends
            if finished:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.2)
    finally:
        release.set()
        signals.request_finished.disconnect(on_finished)
    assert sent == []
    assert finished == ["finished"]
