"""Process-level tuning of a hub process, applied once when its ASGI application loads."""

from __future__ import annotations

import gc

from django.conf import settings


def tune_gc() -> None:
    """Freeze what is loaded at start out of the garbage collector, and collect the youngest
    objects less often (``HUB_GC_THRESHOLD``).

    A hub holds many long-lived objects per socket (the consumer, its tasks, the protocol's
    buffers). Python's defaults ran a full collection, which visits every one of them, every
    few seconds under 1,000 agents: 200-300 ms each, during which no frame was read or
    acknowledged. Frozen objects are never visited again; a higher first threshold makes every
    generation's collections rarer. Reference counting still frees almost everything at once:
    the collector is only for cycles.
    """
    threshold = settings.HUB_GC_THRESHOLD
    if not threshold:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(threshold, 10, 10)
