"""The hub's ASGI application with experimental patches, to measure what a proposed fix of
the application would gain before anyone writes it. Application code is not changed: the
patches are applied in this process only. ``BENCH_PATCHES`` (comma-separated) picks them:

- ``no-dispatch-close``: Channels (>= 4.2) runs ``close_old_connections`` through
  ``sync_to_async`` before *every* message a consumer handles, that is one hop to the single
  thread-sensitive executor (the one record_samples runs in) per websocket frame and per
  group event. The patch skips that hop; ``database_sync_to_async`` still closes stale
  connections around each database call.
- ``persistent-conn``: ``CONN_MAX_AGE=600`` with health checks instead of 0 (a new PostgreSQL
  connection for every ``database_sync_to_async`` call).
- ``switch-interval``: ``sys.setswitchinterval(0.0005)`` instead of 5 ms. The event loop hands
  the GIL over at every system call and C extension call that releases it (a socket read or
  write, autobahn's native UTF-8 check and unmasking); while the ingest thread runs Python,
  getting it back can take the whole switch interval.
- ``gc-tune``: ``gc.freeze()`` once the application is loaded (what is loaded at start is
  never scanned again) and a gen-0 threshold of 50,000 instead of 700.
- ``gc-log``: log every garbage collection that takes 20 ms or more (to the hub's log).
- ``no-utf8-validate``: autobahn does not check incoming text frames' UTF-8 (daphne decodes
  them strictly anyway), which is one native call less per frame.

    BENCH_PATCHES=no-dispatch-close daphne experiment_asgi:application   (PYTHONPATH=bench/ingest)
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatops.settings")
PATCHES = {p.strip() for p in os.environ.get("BENCH_PATCHES", "").split(",") if p.strip()}
KNOWN = {"no-dispatch-close", "persistent-conn", "switch-interval", "no-utf8-validate", "gc-log", "gc-tune"}
if PATCHES - KNOWN:
    raise SystemExit(f"unknown BENCH_PATCHES: {', '.join(sorted(PATCHES - KNOWN))}")

if "persistent-conn" in PATCHES:
    from django.conf import settings

    settings.DATABASES["default"]["CONN_MAX_AGE"] = 600
    settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

if "no-dispatch-close" in PATCHES:
    import channels.consumer

    async def _no_close() -> None:
        return None

    channels.consumer.aclose_old_connections = _no_close

if "gc-log" in PATCHES:
    import gc
    import sys
    import time

    _gc_started = [0.0]

    def _gc_timer(phase: str, info: dict) -> None:
        if phase == "start":
            _gc_started[0] = time.perf_counter()
            return
        took = time.perf_counter() - _gc_started[0]
        if took >= 0.02:
            print(
                f"gc generation {info['generation']}: {took * 1000:.0f} ms, {info['collected']} collected",
                file=sys.stderr,
            )

    gc.callbacks.append(_gc_timer)

if "switch-interval" in PATCHES:
    import sys

    sys.setswitchinterval(0.0005)

if "no-utf8-validate" in PATCHES:
    from daphne.ws_protocol import WebSocketFactory

    _init = WebSocketFactory.__init__

    def _init_without_utf8_check(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        _init(self, *args, **kwargs)
        self.utf8validateIncoming = False

    WebSocketFactory.__init__ = _init_without_utf8_check

from chatops.asgi import application  # noqa: E402 - after the patches

if "gc-tune" in PATCHES:
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)

__all__ = ["application"]
