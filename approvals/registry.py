"""What runs an approved request, per kind: each app that gates an action registers how to
perform it (``agents`` registers ``run``, ``restart`` and ``stop`` in its ``ready()``), so
approvals names no app above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chatops.registry import Registry

#: ``execute(actor, payload) -> result``: ``actor`` is the requester's, rebuilt as they asked
#: (via, origin); ``payload`` what the gate stored. It raises when the action did not happen.
Execute = Callable[[Any, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class Executor:
    kind: str
    label: str
    execute: Execute


executors: Registry[Executor] = Registry("approval executors")


def register_kind(kind: str, label: str, execute: Execute) -> Executor:
    """From an app's ``ready()``: how an approved request of ``kind`` is carried out."""
    return executors.register(kind, Executor(kind, label, execute))


def executor(kind: str) -> Executor | None:
    return executors.get(kind)
