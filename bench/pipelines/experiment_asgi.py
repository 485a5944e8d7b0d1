"""The hub's ASGI application with the receivers' work replaced, to measure how much of the
agents' slowdown is the accept path's application work and how much is daphne's HTTP alone.
Application code is not changed; ``BENCH_RECEIVER`` picks what answers a POST to
``/api/v1/integrations/…`` in this process:

- ``null``: the body is read and 202 ``accepted`` answered at once, on the event loop
  (daphne's HTTP parsing and writing, nothing else);
- ``verify``: the same after the HMAC of the body and a JSON parse (what any receiver must do);
- ``django-null``: through the hub's Django handler and lean chain (the request's kept thread,
  the middleware) to a view that answers 202 at once, no database (the rate-limit headers'
  middleware then counts the request in the ``default`` scope: run with
  ``RATE_LIMIT_ENABLED=false``, or ``RATE_LIMIT_DEFAULT`` raised, or most answers are 429);
- ``django-null-loop``: the same, the lean chain run on the event loop (no thread);
- ``hub``: nothing replaced (with ``BENCH_STALL_LOG=1``, to see the stalls of the real path).

``BENCH_STALL_LOG=1`` also writes to the hub's log every garbage collection of 5 ms or more
and every time the event loop woke 20 ms or more late; with ``BENCH_GC_TYPES=1``, the kinds of
object in the generation collected, for the first three collections after 40 s.

Everything else (the agents' socket, health) is the hub's application. Deliveries answered
here are not stored: the bench's loss check then counts them as lost, which is expected.

    bench/pipelines/run.py --app experiment_asgi:application   (BENCH_RECEIVER=null|verify|…)
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

import orjson

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatops.settings")

from chatops.asgi import application as hub

MODE = os.environ.get("BENCH_RECEIVER", "null")
SECRET = os.environ.get("BENCH_SECRET", "").encode()
RECEIVERS = "/api/v1/integrations/"
ANSWER = orjson.dumps({"data": {"verdict": "accepted"}, "message": "Delivery accepted."})


if MODE in ("django-null", "django-null-loop"):
    import pipelines.routing
    from chatops.lean import LeanRoute, json_response

    def _null_view(request: Any, provider: str, integration_id: str) -> Any:
        return json_response(request, {"data": {"verdict": "accepted"}, "message": "Delivery accepted."}, 202)

    route = pipelines.routing.http_routes[0]
    pipelines.routing.http_routes = [LeanRoute(route.method, route.pattern, _null_view, allow=route.allow)]

if MODE == "django-null-loop":
    from chatops import handlers

    _threaded = handlers.SyncChainASGIHandler.get_response_async

    async def _on_loop(self: Any, request: Any) -> Any:
        if handlers.match(request):
            return self._serve(request)
        return await _threaded(self, request)

    handlers.SyncChainASGIHandler.get_response_async = _on_loop  # type: ignore[method-assign]


if os.environ.get("BENCH_STALL_LOG"):
    import asyncio
    import gc
    import sys
    import time

    _gc_started = [0.0]
    _started = time.monotonic()

    _dumped = [0]

    def _gc_timer(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            if os.environ.get("BENCH_GC_TYPES") and _dumped[0] < 3 and time.monotonic() > _started + 40:
                _dumped[0] += 1
                import collections

                young = gc.get_objects(info["generation"])
                kinds = collections.Counter(type(o).__qualname__ for o in young)
                print(f"gc gen {info['generation']} of {len(young)}: {kinds.most_common(25)}", file=sys.stderr)
                del young
            _gc_started[0] = time.perf_counter()
            return
        took = time.perf_counter() - _gc_started[0]
        if took >= 0.005:
            print(f"{time.time():.3f} gc gen {info['generation']}: {took * 1000:.1f} ms", file=sys.stderr)

    gc.callbacks.append(_gc_timer)

    async def _watch_loop() -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            late = time.perf_counter() - before - 0.01
            if late >= 0.02:
                print(f"{time.time():.3f} loop woke {late * 1000:.1f} ms late", file=sys.stderr)

    _watching: list[Any] = []


async def application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if os.environ.get("BENCH_STALL_LOG") and not _watching:
        _watching.append(asyncio.ensure_future(_watch_loop()))
    delivery = scope["type"] == "http" and scope["method"] == "POST" and scope["path"].startswith(RECEIVERS)
    if MODE == "hub" or MODE.startswith("django") or not delivery:
        await hub(scope, receive, send)
        return
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = b"".join(chunks)
    if MODE == "verify":
        hmac.compare_digest(hmac.new(SECRET, body, hashlib.sha256).hexdigest(), "0" * 64)
        orjson.loads(body)
    await send({"type": "http.response.start", "status": 202, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": ANSWER})
