"""The hub's ASGI handler (``chatops.handlers``): Django's synchronous middleware chain and view,
entered from the event loop once per request, through the real ASGI application."""

from __future__ import annotations

import asyncio
import json
import threading

import pytest
from asgiref import sync
from channels.testing import HttpCommunicator
from django import db
from django.core import signals
from django.core.handlers import base

from accounts.services import issue_tokens
from chatops.asgi import application
from chatops.handlers import SyncChainASGIHandler

pytestmark = pytest.mark.django_db(transaction=True)

HOST = (b"host", b"localhost")


@pytest.fixture
def hops(monkeypatch):
    """Every crossing of a request between the event loop and threads: ``sync_to_async`` calls
    by the function they run, and ``async_to_sync`` calls."""
    seen: dict[str, list[str]] = {"to_thread": [], "to_loop": []}
    to_thread, to_loop = sync.SyncToAsync.__call__, sync.AsyncToSync.__call__

    async def counted_to_thread(self, *args, **kwargs):
        seen["to_thread"].append(getattr(self.func, "__qualname__", repr(self.func)))
        return await to_thread(self, *args, **kwargs)

    def counted_to_loop(self, *args, **kwargs):
        seen["to_loop"].append(getattr(self.awaitable, "__qualname__", repr(self.awaitable)))
        return to_loop(self, *args, **kwargs)

    monkeypatch.setattr(sync.SyncToAsync, "__call__", counted_to_thread)
    monkeypatch.setattr(sync.AsyncToSync, "__call__", counted_to_loop)
    return seen


def test_the_application_serves_http_with_the_sync_chain_handler():
    handler = application.application.application_mapping["http"]
    assert isinstance(handler, SyncChainASGIHandler)


async def test_a_request_enters_the_middleware_and_the_view_in_one_hop(hops, viewer, server):
    token = await sync.sync_to_async(lambda: issue_tokens(viewer).access_token)()
    hops["to_thread"].clear()
    response = await HttpCommunicator(
        application,
        "GET",
        "/api/v1/servers",
        headers=[HOST, (b"authorization", f"Bearer {token}".encode()), (b"x-request-id", b"one-hop-1")],
    ).get_response()

    assert response["status"] == 200
    assert json.loads(response["body"])["data"][0]["id"] == server.pk
    assert (b"X-Request-ID", b"one-hop-1") in response["headers"]
    # Django's stock handler goes back to the loop (async_to_sync) to resolve the URL and
    # then to a thread again for the view; the chain is entered once here. It also sends
    # ``request_started`` and closes the response (``request_finished``) in hops of their own:
    # here they run in the chain's hop.
    assert hops["to_loop"] == []
    assert hops["to_thread"] == ["SyncChainASGIHandler._serve"]


async def test_the_request_signals_fire_once_each_in_the_requests_thread(hops, viewer):
    token = await sync.sync_to_async(lambda: issue_tokens(viewer).access_token)()
    fired: list[tuple[str, str]] = []

    def started(sender, **kwargs):
        assert sender is SyncChainASGIHandler
        fired.append(("started", threading.current_thread().name))

    def finished(sender, **kwargs):
        assert sender is SyncChainASGIHandler
        fired.append(("finished", threading.current_thread().name))

    signals.request_started.connect(started, weak=False)
    signals.request_finished.connect(finished, weak=False)
    try:
        hops["to_thread"].clear()
        response = await _get("/api/v1/auth/me", (b"authorization", f"Bearer {token}".encode()))
    finally:
        signals.request_started.disconnect(started)
        signals.request_finished.disconnect(finished)
    assert response["status"] == 200
    assert [kind for kind, _ in fired] == ["started", "finished"]
    assert len({name for _, name in fired}) == 1 and fired[0][1].startswith("http-")
    assert hops["to_thread"] == ["SyncChainASGIHandler._serve"]


def _streamed(request):
    from django.http import StreamingHttpResponse

    return StreamingHttpResponse(iter([b"one,", b"two"]), content_type="text/plain")


urlpatterns = [__import__("django.urls").urls.path("streamed", _streamed)]


@pytest.mark.urls(__name__)
async def test_a_streaming_response_is_closed_after_it_is_sent(hops):
    """A response that is produced while it is sent is closed afterwards, as Django does: its
    ``request_finished`` comes after the last chunk."""
    order: list[str] = []

    def finished(**kwargs):
        order.append("finished")

    signals.request_finished.connect(finished, weak=False)
    try:
        communicator = HttpCommunicator(application, "GET", "/streamed", headers=[HOST])
        await communicator.send_input({"type": "http.request", "body": b""})
        start = await communicator.receive_output(5)
        body = b""
        while True:  # Django ends a stream with a body message that has no body
            chunk = await communicator.receive_output(5)
            body += chunk.get("body", b"")
            if not chunk.get("more_body", False):
                break
        order.append("sent")
        await communicator.wait(timeout=5)
    finally:
        signals.request_finished.disconnect(finished)
    assert start["status"] == 200 and body == b"one,two"
    assert order == ["sent", "finished"]
    assert hops["to_thread"][0] == "SyncChainASGIHandler._serve" and "HttpResponseBase.close" in hops["to_thread"]


async def test_urls_resolve_in_the_request_thread_and_errors_keep_the_envelope(monkeypatch, hops):
    threads: list[int] = []
    resolve = base.BaseHandler.resolve_request

    def resolve_in_thread(self, request):
        threads.append(threading.get_ident())
        return resolve(self, request)

    monkeypatch.setattr(base.BaseHandler, "resolve_request", resolve_in_thread)
    loop_thread = threading.get_ident()
    response = await HttpCommunicator(application, "GET", "/api/v1/no-such-route", headers=[HOST]).get_response()

    assert response["status"] == 404
    body = json.loads(response["body"])
    assert body["error_code"] == "not_found" and body["request_id"]
    # URL resolution ran in the request's thread, not on the event loop.
    assert threads and all(ident != loop_thread for ident in threads)


@pytest.fixture
def request_threads(monkeypatch):
    """The name of the thread each request's URL resolution and ``request_finished`` ran on."""
    seen: dict[str, list[str]] = {"resolve": [], "finished": []}
    resolve = base.BaseHandler.resolve_request

    def resolve_recorded(self, request):
        seen["resolve"].append(threading.current_thread().name)
        return resolve(self, request)

    def finished(**kwargs):
        seen["finished"].append(threading.current_thread().name)

    monkeypatch.setattr(base.BaseHandler, "resolve_request", resolve_recorded)
    signals.request_finished.connect(finished, weak=False)
    yield seen
    signals.request_finished.disconnect(finished)


async def _get(path: str, *headers: tuple[bytes, bytes]) -> dict:
    """The response, once the application has finished with the request (closed the response)."""
    communicator = HttpCommunicator(application, "GET", path, headers=[HOST, *headers])
    response = await communicator.get_response()
    await communicator.wait(timeout=5)
    return response


async def test_requests_are_served_by_kept_threads_that_return_their_connection(request_threads, viewer):
    """A request borrows one of ``HTTP_REQUEST_THREADS`` kept threads (Django's handler starts and
    joins a thread per request): everything of the request runs on it, and the database
    connection it used is closed (back to the pool) when the request finishes."""
    token = await sync.sync_to_async(lambda: issue_tokens(viewer).access_token)()
    auth = (b"authorization", f"Bearer {token}".encode())
    for _ in range(3):
        assert (await _get("/api/v1/servers", auth))["status"] == 200

    names = request_threads["resolve"]
    assert len(names) == 3 and all(name.startswith("http-") for name in names)
    assert len(set(names)) == 1  # one request at a time: the same kept thread each time
    assert request_threads["finished"] == names  # response.close() on the request's own thread
    handler = application.application.application_mapping["http"]
    prefix = names[0].rsplit("_", 1)[0]
    kept = next(executor for executor in handler.threads._idle if executor._thread_name_prefix == prefix)
    assert kept.submit(lambda: db.connection.connection is None).result(timeout=5)


async def test_a_request_that_finds_every_kept_thread_busy_waits_for_one(monkeypatch, settings, request_threads):
    """In a burst, requests past the kept threads queue for them (first come, first served)
    instead of each starting a thread that then competes for the interpreter lock."""
    settings.HTTP_REQUEST_QUEUE_MS = 10_000
    handler = application.application.application_mapping["http"]
    kept = handler.threads._idle[0]
    monkeypatch.setattr(handler.threads, "_idle", [])  # all lent out
    first = asyncio.create_task(_get("/api/v1/no-such-route"))
    second = asyncio.create_task(_get("/api/v1/no-such-route-either"))
    await asyncio.sleep(0.3)
    assert not first.done() and not second.done() and request_threads["resolve"] == []

    handler.threads.give_back(kept)  # the kept thread comes back: the first request gets it, then the second
    assert (await asyncio.wait_for(first, 10))["status"] == 404
    assert (await asyncio.wait_for(second, 10))["status"] == 404
    assert request_threads["resolve"] == [request_threads["resolve"][0]] * 2
    assert request_threads["resolve"][0].startswith("http-")
    assert handler.threads._idle == [kept] and not handler.threads._waiting


async def test_a_request_that_waited_its_time_gets_a_thread_of_its_own(monkeypatch, settings, request_threads):
    settings.HTTP_REQUEST_QUEUE_MS = 100
    handler = application.application.application_mapping["http"]
    monkeypatch.setattr(handler.threads, "_idle", [])  # all lent out, none comes back
    response = await asyncio.wait_for(_get("/api/v1/no-such-route"), 10)
    assert response["status"] == 404
    assert request_threads["resolve"] and not request_threads["resolve"][0].startswith("http-")
    assert handler.threads._idle == []  # nothing was given back that was not taken


async def test_with_no_wait_a_busy_handler_starts_a_thread_at_once(monkeypatch, settings, request_threads):
    settings.HTTP_REQUEST_QUEUE_MS = 0
    handler = application.application.application_mapping["http"]
    monkeypatch.setattr(handler.threads, "_idle", [])
    response = await asyncio.wait_for(_get("/api/v1/no-such-route"), 10)
    assert response["status"] == 404
    assert request_threads["resolve"] and not request_threads["resolve"][0].startswith("http-")
    assert not handler.threads._waiting


async def _post_to_a_receiver(app=application) -> dict:
    """A CI system's plain POST to a receiver: a lean route's request (no such integration)."""
    communicator = HttpCommunicator(app, "POST", "/api/v1/integrations/generic/999999", body=b"{}", headers=[HOST])
    response = await communicator.get_response()
    await communicator.wait(timeout=5)
    return response


async def test_lean_routes_have_threads_of_their_own(request_threads):
    """The receivers' short requests run on ``HTTP_LEAN_THREADS`` threads of their own, the rest
    on ``HTTP_REQUEST_THREADS``: a flood of deliveries runs at most that many at once."""
    assert (await _post_to_a_receiver())["status"] == 404
    assert (await _get("/api/v1/no-such-route"))["status"] == 404
    lean, full = request_threads["finished"]
    assert lean.startswith("http-lean-") and full.startswith("http-") and not full.startswith("http-lean-")
    assert request_threads["resolve"] == [full]  # only the full chain resolves URLs


async def test_with_every_thread_lent_out_the_other_kind_of_request_is_served_at_once(
    monkeypatch, settings, request_threads
):
    """Neither kind queues behind the other: deliveries holding their threads do not hold up the
    API's requests, nor the API's a delivery."""
    settings.HTTP_REQUEST_QUEUE_MS = 30_000
    handler = application.application.application_mapping["http"]
    kept = handler.threads._idle
    monkeypatch.setattr(handler.threads, "_idle", [])
    assert (await asyncio.wait_for(_post_to_a_receiver(), 5))["status"] == 404
    monkeypatch.setattr(handler.threads, "_idle", kept)
    monkeypatch.setattr(handler.lean_threads, "_idle", [])
    assert (await asyncio.wait_for(_get("/api/v1/no-such-route"), 5))["status"] == 404
    assert [name.split("_")[0][:-2] for name in request_threads["finished"]] == ["http-lean", "http"]


async def test_a_delivery_waits_for_a_lean_thread_rather_than_take_another(monkeypatch, settings, request_threads):
    settings.HTTP_REQUEST_QUEUE_MS = 10_000
    handler = application.application.application_mapping["http"]
    kept = handler.lean_threads._idle[0]
    monkeypatch.setattr(handler.lean_threads, "_idle", [])
    delivery = asyncio.create_task(_post_to_a_receiver())
    await asyncio.sleep(0.3)
    assert not delivery.done() and len(handler.threads._idle) == settings.HTTP_REQUEST_THREADS
    handler.lean_threads.give_back(kept)
    assert (await asyncio.wait_for(delivery, 10))["status"] == 404
    assert request_threads["finished"][0].startswith("http-lean-")


async def test_with_no_lean_threads_lean_routes_share_the_request_threads(settings, request_threads):
    settings.HTTP_LEAN_THREADS = 0
    handler = SyncChainASGIHandler()
    assert handler.lean_threads is None
    assert (await _post_to_a_receiver(handler))["status"] == 404
    assert request_threads["finished"][0].startswith("http-") and "lean" not in request_threads["finished"][0]
