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

    BENCH_PATCHES=no-dispatch-close daphne experiment_asgi:application   (PYTHONPATH=bench/ingest)
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatops.settings")
PATCHES = {p.strip() for p in os.environ.get("BENCH_PATCHES", "").split(",") if p.strip()}
KNOWN = {"no-dispatch-close", "persistent-conn"}
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

from chatops.asgi import application  # noqa: E402 - after the patches

__all__ = ["application"]
