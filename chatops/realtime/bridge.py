"""Call the channel layer from synchronous code, on an event loop that lasts.

``async_to_sync`` sends the call to the hub's event loop when the synchronous code runs under
``sync_to_async`` (a request, a socket's database call). Anywhere else (the embedded worker's
thread, ``manage.py worker``, a delivery thread) it makes a new event loop in a new thread for
every call, and with it a new Redis connection (connect, ``HELLO``, a package-metadata lookup),
a fresh ``WatchedGroups`` that lists every group channel with a subscriber (10,000 names with
5,000 agents connected), and at its end ``asyncio.run``'s sweep of every task in the process.
At 5,000 agents the worker's after-commit publishes (servers marked offline, alerts) cost the
hub process more CPU than its database thread (bench/README.md, issue 23).

``call`` keeps that first case and sends every other call to one event loop per process, on a
thread of its own (``realtime-bridge``): one Redis connection, one ``WatchedGroups``, no sweep.
The caller waits for the result as before, so what it sent has been sent when it returns.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from asgiref.sync import SyncToAsync, async_to_sync

T = TypeVar("T")


class _Bridge:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.pid = os.getpid()
        self.thread = threading.Thread(target=self.loop.run_forever, name="realtime-bridge", daemon=True)
        self.thread.start()


_bridge: _Bridge | None = None
_lock = threading.Lock()


def _hub_loop() -> asyncio.AbstractEventLoop | None:
    """The running event loop that ``async_to_sync`` would hand this thread's call to."""
    local = SyncToAsync.threadlocal
    loop = getattr(local, "main_event_loop", None)
    if loop is None or getattr(local, "main_event_loop_pid", None) != os.getpid() or not loop.is_running():
        return None
    return loop


def bridge_loop() -> asyncio.AbstractEventLoop:
    """This process's bridge loop (started on first use, and again in a forked child)."""
    global _bridge
    with _lock:
        if _bridge is None or _bridge.pid != os.getpid() or not _bridge.thread.is_alive():
            _bridge = _Bridge()
        return _bridge.loop


def call(fn: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
    """``async_to_sync(fn)(*args, **kwargs)``, on the bridge loop when there is no hub loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise RuntimeError("call() is for synchronous code; await the coroutine instead")
    if _hub_loop() is not None:
        return async_to_sync(fn)(*args, **kwargs)
    loop = bridge_loop()

    async def run() -> T:
        return await fn(*args, **kwargs)

    return asyncio.run_coroutine_threadsafe(run(), loop).result()
