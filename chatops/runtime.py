"""Process-level tuning of a hub process, applied once when its ASGI application loads."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import Any

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


class _Deferred:
    """A highlighted name or value for a debug line, made only if the line is written."""

    __slots__ = ("_args", "_format", "_kwargs")

    def __init__(self, format: Callable[..., str], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self._format, self._args, self._kwargs = format, args, kwargs

    def __str__(self) -> str:
        return self._format(*self._args, **self._kwargs)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _deferred(format: Callable[..., str]) -> Callable[..., _Deferred]:
    def deferred(*args: Any, **kwargs: Any) -> _Deferred:
        return _Deferred(format, args, kwargs)

    deferred.chatops_deferred = True  # type: ignore[attr-defined]
    return deferred


def tune_daphne() -> None:
    """Two costs of daphne's stack on the event loop that the hub never uses (bench/README.md,
    "Session 18"); nothing without daphne.

    - Twisted parses the body of every ``POST`` with a form's content type into
      ``request.args`` (multipart uploads whole, in memory, on the event loop), and parses the
      ``Content-Type`` header of every other ``POST`` with the ``email`` package to find out.
      Daphne never reads ``request.args``: it hands the raw body to the application. Twisted's
      own switch, ``parsePOSTFormSubmission``, turns that off.
    - Autobahn formats three highlighted strings (``click.style``) for a debug line on every
      frame it sends or receives, whether the line is logged or not. Those helpers now return
      an object that formats itself only when a debug line is written.
    """
    if "daphne.server" not in sys.modules:
        return  # not under daphne (tests, another server)
    from daphne import http_protocol

    request = http_protocol.WebRequest
    if not getattr(request, "chatops_tuned", False):
        init = request.__init__

        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            init(self, *args, **kwargs)
            self._parsePOSTFormSubmission = False

        request.__init__ = __init__
        request.chatops_tuned = True
    import autobahn.twisted.websocket
    import autobahn.websocket.protocol
    from autobahn import util

    for module in (autobahn.websocket.protocol, autobahn.twisted.websocket):
        for name in ("hltype", "hlval"):
            if not getattr(getattr(module, name), "chatops_deferred", False):
                setattr(module, name, _deferred(getattr(util, name)))
