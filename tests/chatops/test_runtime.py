"""A hub process tunes its garbage collector when its ASGI application loads."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers import run_python

CODE = """
import gc, json
import chatops.asgi
print(json.dumps({"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count()}))
"""


def hub_gc(**env: str) -> dict:
    base = {k: v for k, v in os.environ.items() if k != "HUB_GC_THRESHOLD"}
    base.update(DJANGO_SETTINGS_MODULE="chatops.settings", EMBEDDED_WORKER="false", **env)
    base.setdefault("SECRET_KEY", "runtime-test-secret-key-0123456789-0123456789")
    done = run_python(CODE, base)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_hub_freezes_what_it_loaded_and_collects_less_often():
    found = hub_gc()
    assert found["threshold"] == [50_000, 10, 10]
    assert found["frozen"] > 10_000  # Django, the apps, DRF, Channels: loaded, never scanned again


def test_the_threshold_comes_from_the_environment():
    assert hub_gc(HUB_GC_THRESHOLD="20000")["threshold"] == [20_000, 10, 10]


def test_zero_keeps_pythons_defaults():
    found = hub_gc(HUB_GC_THRESHOLD="0")
    assert found == {"threshold": [700, 10, 10], "frozen": 0}


@pytest.mark.parametrize("bad", ["-1", "lots", "10000001"])
def test_a_bad_threshold_stops_the_hub_with_a_clear_error(bad):
    base = {k: v for k, v in os.environ.items() if k != "HUB_GC_THRESHOLD"}
    base.update(DJANGO_SETTINGS_MODULE="chatops.settings", HUB_GC_THRESHOLD=bad)
    base.setdefault("SECRET_KEY", "runtime-test-secret-key-0123456789-0123456789")
    done = run_python("import chatops.asgi", base)
    assert done.returncode != 0
    assert "HUB_GC_THRESHOLD" in done.stderr


DAPHNE = """
import json
import daphne.server  # as daphne's command line does, before it loads the application
import chatops.asgi
from daphne.http_protocol import WebRequest
from twisted.web import http
from twisted.web.test.requesthelper import DummyChannel
import autobahn.websocket.protocol as protocol, autobahn.twisted.websocket as tx
from autobahn import util

class Server:
    def protocol_connected(self, request):
        pass

channel = DummyChannel()
channel.factory = type("Factory", (), {"server": Server()})()
request = WebRequest(channel)
calls = []
http._parseContentType = lambda line: calls.append(line) or b"application/x-www-form-urlencoded"
request.process = lambda: None
request.method, request.uri, request.clientproto = b"POST", b"/x", b"HTTP/1.1"
request.requestHeaders.setRawHeaders(b"content-type", [b"application/x-www-form-urlencoded"])
request.requestHeaders.setRawHeaders(b"content-length", [b"3"])
request.gotLength(3)
request.handleContentChunk(b"a=1")
request.requestReceived(b"POST", b"/x", b"HTTP/1.1")
value = protocol.hlval(42)
print(json.dumps({
    "parse_forms": request._parsePOSTFormSubmission,
    "content_type_parsed": len(calls),
    "args": {k.decode(): [x.decode() for x in v] for k, v in request.args.items()},
    "body": request.content.read().decode(),
    "deferred": type(value).__name__,
    "formatted": f"{value}" == util.hlval(42) and str(tx.hltype(len)) == util.hltype(len),
}))
"""


def test_under_daphne_twisted_parses_no_forms_and_autobahn_formats_no_unlogged_lines():
    """Daphne hands the raw body to the application: twisted's form parsing (and its email-based
    content-type parse) is switched off. Autobahn's highlighted debug strings are made only
    when a debug line is written, and read the same when they are."""
    base = dict(os.environ, DJANGO_SETTINGS_MODULE="chatops.settings", EMBEDDED_WORKER="false")
    base.setdefault("SECRET_KEY", "runtime-test-secret-key-0123456789-0123456789")
    done = run_python(DAPHNE, base)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {
        "parse_forms": False,
        "content_type_parsed": 0,
        "args": {},
        "body": "a=1",
        "deferred": "_Deferred",
        "formatted": True,
    }
