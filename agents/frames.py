"""Frame types that apps above ``agents`` handle on the agent socket (``k8s`` registers
``kubernetes.snapshot`` and ``kubernetes.result``), so that the socket names no app above it.

A handler gets the connection's context and the frame, and returns the frame to answer with
(or None); it raises ``FrameRefused`` for a frame it will not take (the agent gets an ``error``
frame with that code, and the socket stays open, as for any invalid frame). It runs on the
socket's event loop: database work goes through ``database_sync_to_async``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from accounts.actor import Actor
from chatops.registry import Registry


@dataclass(frozen=True)
class FrameContext:
    """Who sent the frame: the agent's server, what its hello said it does, its key's actor."""

    server_id: int
    capabilities: tuple[str, ...]
    actor: Actor
    #: The socket's own state for this handler (e.g. a snapshot arriving in parts), per socket.
    state: dict[str, Any]


class FrameRefused(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


Handler = Callable[[FrameContext, dict[str, Any]], Awaitable[dict[str, Any] | None]]

handlers: Registry[Handler] = Registry("agent frame types")


def register_frame(frame_type: str, handler: Handler) -> None:
    """From an app's ``ready()``: frames of ``frame_type`` from agents go to ``handler``."""
    handlers.register(frame_type, handler)


def handler_for(frame_type: Any) -> Handler | None:
    return handlers.get(frame_type) if isinstance(frame_type, str) else None
