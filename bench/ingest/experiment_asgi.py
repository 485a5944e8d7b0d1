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
- ``batch-log``: log, every 10 s, the ingest batches written: how many, their mean and largest
  size, and ``record_samples``' wall time against the ingest thread's CPU time (the rest is
  waiting: for PostgreSQL, or for the GIL).
- ``no-utf8-validate``: autobahn does not check incoming text frames' UTF-8 (daphne decodes
  them strictly anyway), which is one native call less per frame.

    BENCH_PATCHES=no-dispatch-close daphne experiment_asgi:application   (PYTHONPATH=bench/ingest)
"""

from __future__ import annotations

import os

from patches import KNOWN  # bench/ingest is on the hub's PYTHONPATH

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatops.settings")
PATCHES = {p.strip() for p in os.environ.get("BENCH_PATCHES", "").split(",") if p.strip()}
if PATCHES - set(KNOWN):
    raise SystemExit(f"unknown BENCH_PATCHES: {', '.join(sorted(PATCHES - set(KNOWN)))}")

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

if "batch-log" in PATCHES:
    import sys
    import time

    import monitoring.ingest

    _record = monitoring.ingest.record_samples
    _stats: dict[str, float] = {"since": time.monotonic()}
    _stats.update(n=0, frames=0, largest=0, wall=0.0, cpu=0.0, slowest=0.0)

    def _timed_record(frames):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return _record(frames)
        finally:
            took = time.perf_counter() - wall
            _stats["n"] += 1
            _stats["frames"] += len(frames)
            _stats["largest"] = max(_stats["largest"], len(frames))
            _stats["wall"] += took
            _stats["slowest"] = max(_stats["slowest"], took)
            _stats["cpu"] += time.thread_time() - cpu
            if time.monotonic() - _stats["since"] >= 10 and _stats["n"]:
                n = _stats["n"]
                print(
                    f"batches {n:.0f}: mean {_stats['frames'] / n:.0f} frames (largest {_stats['largest']:.0f}), "
                    f"wall mean {_stats['wall'] / n * 1000:.1f} ms (slowest {_stats['slowest'] * 1000:.0f}), "
                    f"ingest-thread CPU mean {_stats['cpu'] / n * 1000:.1f} ms",
                    file=sys.stderr,
                    flush=True,
                )
                _stats.update(since=time.monotonic(), n=0, frames=0, largest=0, wall=0.0, cpu=0.0, slowest=0.0)

    monitoring.ingest.record_samples = _timed_record

    import asyncio

    _waits: list[float] = []
    _lags: list[float] = []
    _enqueue = monitoring.ingest.IngestBatcher.enqueue

    def _pct(values: list[float], q: float) -> float:
        return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000 if values else 0.0

    async def _lag_monitor() -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.005)
            _lags.append(time.perf_counter() - started - 0.005)

    def _timed_enqueue(self, frame, listener=None):  # type: ignore[no-untyped-def]
        if not _lags and not getattr(_timed_enqueue, "monitor", None):
            _timed_enqueue.monitor = asyncio.get_running_loop().create_task(_lag_monitor())  # type: ignore[attr-defined]
        started = time.perf_counter()
        future = _enqueue(self, frame, listener)
        future.add_done_callback(lambda _f: _waits.append(time.perf_counter() - started))
        if len(_waits) >= 5000:
            print(
                f"enqueue -> committed: p50 {_pct(_waits, 0.5):.0f} p99 {_pct(_waits, 0.99):.0f} ms; "
                f"event loop lag (5 ms sleeps): p50 {_pct(_lags, 0.5):.1f} p99 {_pct(_lags, 0.99):.1f} "
                f"max {_pct(_lags, 1.0):.0f} ms",
                file=sys.stderr,
                flush=True,
            )
            _waits.clear()
            _lags.clear()
        return future

    monitoring.ingest.IngestBatcher.enqueue = _timed_enqueue  # type: ignore[method-assign]

if "gc-tune" in PATCHES:
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)

__all__ = ["application"]
