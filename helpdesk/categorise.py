"""The classifier's side of a ticket, behind the contract of the ``triage`` app (helpbot):
``triage.predict(title, description)`` and ``triage.record_label(text, category, source=)``.

``triage`` sits below the helpdesk. Until it is installed this module says so (``available``)
and tickets without a category go to ``other``, flagged for review, not auto-categorised."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import Any

from helpdesk.choices import Category, Priority

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Guess:
    category: str
    confidence: float | None
    needs_review: bool
    auto: bool
    priority: str | None


def _triage() -> Any:
    try:
        return importlib.import_module("triage")
    except ImportError:
        return None


def available() -> bool:
    return _triage() is not None


def text_of(title: str, description: str) -> str:
    return f"{title}\n{description}".strip()


def guess(title: str, description: str) -> Guess:
    """The category (and a suggested priority) of a ticket filed without one."""
    triage = _triage()
    if triage is None:
        return Guess(Category.OTHER, None, needs_review=True, auto=False, priority=None)
    prediction = triage.predict(title, description)
    category = prediction.category if prediction.category in Category.values else Category.OTHER
    priority = prediction.priority if prediction.priority in Priority.values else None
    return Guess(category, float(prediction.confidence), bool(prediction.needs_review), True, priority)


def record_label(title: str, description: str, category: str) -> None:
    """A support change of category: a training label for the next retraining."""
    triage = _triage()
    if triage is None:
        return
    try:
        triage.record_label(text_of(title, description), category, source="helpdesk")
    except Exception:  # a label lost must not fail the support's change
        log.exception("triage.record_label failed")
