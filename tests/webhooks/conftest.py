"""A real HTTP receiver on localhost, scripted per test, and webhooks pointing at it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webhooks.models import Webhook

SECRET = "whsec_receiver-test-secret-0123456789"


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"ok"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class Receiver:
    """Answers each request with the next scripted reply (200 "ok" once the script runs out)
    and keeps every request it got."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.script: list[Reply] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with receiver.lock:
                    receiver.requests.append(Received(self.command, self.path, dict(self.headers), body))
                    reply = receiver.script.pop(0) if receiver.script else Reply()
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_POST = _handle
            do_GET = _handle

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def reply(self, *replies: Reply) -> None:
        with self.lock:
            self.script.extend(replies)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    receiver.thread.start()
    try:
        yield receiver
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()


@pytest.fixture
def allow_private(settings):
    """The receiver is on loopback, which webhooks may reach only with this setting."""
    settings.WEBHOOK_ALLOW_PRIVATE = True


@pytest.fixture
def hook_to(admin):
    """A webhook row made directly, as the API would never make one to a private address."""

    def make(url: str, events: list[str] | None = None, **fields) -> Webhook:
        return Webhook.objects.create(
            url=url, events=events or ["command.completed"], secret=SECRET, created_by=admin, **fields
        )

    return make
