"""The hook through which another app judges the samples of a batch inside its transaction.

``monitoring`` imports no app that consumes its samples: the alerts app registers its
evaluation from its ``AppConfig.ready()``. Each evaluator runs inside the batch's transaction
(so what it writes commits or rolls back with the samples) and returns the live events to
publish after commit. Evaluators run in the order they were registered (the order of
``INSTALLED_APPS``, as ``ready()`` runs in it); registering one again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from monitoring.events import Event

#: (server_id, unix ts, values) of every stored sample of a batch, in arrival order.
SampleIn = tuple[int, float, dict[str, float]]


class Evaluator(Protocol):
    def __call__(self, samples: Sequence[SampleIn], *, servers_locked: bool = False) -> list[tuple[str, Event]]:
        """Judge ``samples`` inside the caller's transaction; return (group, event) pairs to
        publish after commit. ``servers_locked``: the caller holds the servers' rows already."""
        ...


_evaluators: list[Evaluator] = []


def register_evaluator(evaluator: Evaluator) -> Evaluator:
    """Run ``evaluator`` on the samples of every batch (ingest and custom metrics)."""
    if evaluator not in _evaluators:
        _evaluators.append(evaluator)
    return evaluator


def run_evaluators(samples: Sequence[SampleIn], *, servers_locked: bool = False) -> list[tuple[str, Event]]:
    """Every registered evaluator on ``samples``, in order; their events, in order."""
    events: list[tuple[str, Event]] = []
    for evaluator in _evaluators:
        events += evaluator(samples, servers_locked=servers_locked)
    return events
