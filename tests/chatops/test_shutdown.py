"""A stopping hub process, through the real ASGI application: what is open is closed with a
code clients act on, what waits is woken, and what arrives late is refused with 503.
(tests/e2e/test_shutdown_e2e.py sends the signal to a real daphne.)"""

from __future__ import annotations

import asyncio
import json
import threading

import pytest
from channels.testing import HttpCommunicator

from accounts.services import issue_tokens
from chatops import shutdown
from chatops.asgi import application
from tests.sockets import browser_socket, closed_with

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def token(viewer):
    return issue_tokens(viewer).access_token


@pytest.fixture
def stopping():
    """The process-wide stop flag, cleared again for the next test."""
    yield shutdown.begin
    shutdown._stopping.clear()


async def test_open_sockets_are_closed_with_4001_and_the_drain_ends_with_them(token, server, stopping):
    browser = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    connected, _ = await browser.connect()
    assert connected

    stopping()
    drained = asyncio.ensure_future(shutdown.drain(10))
    assert await closed_with(browser) == shutdown.CLOSE_HUB_STOPPING
    assert not drained.done()  # the socket's application still runs until the client answers
    await browser.send_input({"type": "websocket.disconnect", "code": shutdown.CLOSE_HUB_STOPPING})
    assert await asyncio.wait_for(drained, 5) == 0


async def test_a_socket_that_opens_after_the_stop_began_is_closed_with_4001(token, server, stopping):
    stopping()
    browser = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    connected, _ = await browser.connect()
    # Accepted, then closed: a refused handshake would read as a bad key to an agent.
    assert connected
    assert await closed_with(browser) == shutdown.CLOSE_HUB_STOPPING


async def test_a_request_that_arrives_after_the_stop_began_gets_503(stopping):
    stopping()
    response = await HttpCommunicator(
        application, "GET", "/api/v1/health", headers=[(b"x-request-id", b"req-after-stop-1")]
    ).get_response()
    headers = dict(response["headers"])
    body = json.loads(response["body"])
    assert response["status"] == 503
    assert int(headers[b"retry-after"]) > 0
    assert body == {
        "detail": body["detail"],
        "status_code": 503,
        "error_code": "service_unavailable",
        "errors": [],
        "request_id": "req-after-stop-1",
    }


async def test_the_503_carries_cors_headers_for_an_allowed_origin(stopping, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://spa.example.com"]
    stopping()

    async def refused(origin: bytes) -> dict[bytes, bytes]:
        communicator = HttpCommunicator(application, "GET", "/api/v1/health", headers=[(b"origin", origin)])
        response = await communicator.get_response()
        assert response["status"] == 503
        return dict(response["headers"])

    allowed = await refused(b"https://spa.example.com")
    assert allowed[b"access-control-allow-origin"] == b"https://spa.example.com"
    assert b"retry-after" in allowed[b"access-control-expose-headers"].lower()
    assert b"origin" in allowed[b"vary"].lower()
    assert b"access-control-allow-origin" not in await refused(b"https://evil.example.com")


def test_a_waiter_on_another_loop_is_woken(stopping):
    outcome: list[BaseException | None] = []
    waiting = threading.Event()

    async def wait() -> None:
        sleep = asyncio.ensure_future(shutdown.unless_stopping(asyncio.sleep(60)))
        await asyncio.sleep(0)
        waiting.set()
        await sleep

    def run() -> None:
        try:
            asyncio.run(wait())
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert waiting.wait(5)
    stopping()
    thread.join(5)
    assert not thread.is_alive()
    assert isinstance(outcome[0], shutdown.ShuttingDown)


async def test_waiting_after_the_stop_began_fails_at_once(stopping):
    stopping()
    with pytest.raises(shutdown.ShuttingDown):
        await shutdown.unless_stopping(asyncio.sleep(60))
