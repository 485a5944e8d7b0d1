"""Retries of 429 and 503 against a real HTTP server on 127.0.0.1 that answers as scripted
(the hub's own limits count in windows of a minute: too slow to wait out in a test)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chatops_client import AsyncChatOps, ChatOps, RateLimited, RetryPolicy, ServiceUnavailable

OK_BODY = {"data": {"ok": True}, "message": "OK"}


def error_body(status: int, code: str) -> dict[str, object]:
    return {"detail": code, "status_code": status, "error_code": code, "errors": [], "request_id": "req-12345678"}


class Scripted(ThreadingHTTPServer):
    """Answers each request with the next (status, headers) of ``script``, then 200s."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.script: list[tuple[int, dict[str, str]]] = []
        self.seen: list[tuple[str, float]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Scripted

    def answer(self) -> None:
        self.server.seen.append((self.command, time.monotonic()))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, headers = self.server.script.pop(0) if self.server.script else (200, {})
        body = json.dumps(
            OK_BODY if status < 400 else error_body(status, "throttled" if status == 429 else "unavailable")
        )
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    do_GET = do_POST = answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def scripted() -> Iterator[Scripted]:
    server = Scripted()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_429_is_retried_after_the_seconds_retry_after_says(scripted):
    scripted.script = [(429, {"Retry-After": "1"})]
    with ChatOps(scripted.url, api_key="chk_test") as api:
        assert api.post("/anything", {"a": 1}) == {"ok": True}  # a 429 is safe to repeat, POST included
    (first, at_first), (second, at_second) = scripted.seen
    assert (first, second) == ("POST", "POST")
    assert at_second - at_first >= 0.95


def test_a_retry_after_given_as_a_date_is_honoured(scripted):
    from email.utils import formatdate

    scripted.script = [(503, {"Retry-After": formatdate(time.time() + 2, usegmt=True)})]
    with ChatOps(scripted.url, api_key="chk_test") as api:
        assert api.get("/anything") == {"ok": True}
    assert scripted.seen[1][1] - scripted.seen[0][1] >= 0.9  # the date has whole seconds


def test_a_503_of_a_post_is_not_sent_again(scripted):
    scripted.script = [(503, {"Retry-After": "0"})]
    with ChatOps(scripted.url, api_key="chk_test") as api, pytest.raises(ServiceUnavailable) as refused:
        api.post("/commands/1", {"command": "reboot"})
    assert len(scripted.seen) == 1
    assert (refused.value.status_code, refused.value.request_id) == (503, "req-12345678")


def test_the_retries_end_and_the_typed_error_says_when_to_come_back(scripted):
    scripted.script = [(429, {"Retry-After": "0"})] * 3 + [(429, {"Retry-After": "7"})]
    policy = RetryPolicy(max_retries=5, max_wait=5)
    with ChatOps(scripted.url, api_key="chk_test", retry=policy) as api, pytest.raises(RateLimited) as limited:
        api.get("/anything")
    assert len(scripted.seen) == 4  # three quick retries; seven seconds is more than max_wait
    assert limited.value.error_code == "throttled"
    assert limited.value.retry_after == 7


async def test_the_async_client_retries_too(scripted):
    scripted.script = [(429, {"Retry-After": "1"}), (503, {})]
    async with AsyncChatOps(scripted.url, api_key="chk_test", retry=RetryPolicy(backoff=0.1)) as api:
        assert await api.get("/anything") == {"ok": True}
    assert len(scripted.seen) == 3
    assert scripted.seen[1][1] - scripted.seen[0][1] >= 0.95
