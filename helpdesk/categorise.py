"""The classifier's side of a ticket, through the ``triage`` app's contract:
``triage.predict(title, description)`` files a ticket opened without a category (and suggests
its priority); ``triage.record_label(text, category, source=)`` turns a support change of
category into a training label, which the ``triage.retrain`` job uses later."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import triage
from helpdesk.choices import Category, Priority

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Guess:
    category: str
    confidence: float
    needs_review: bool
    priority: str | None


def text_of(title: str, description: str) -> str:
    return f"{title}\n{description}".strip()


def guess(title: str, description: str) -> Guess:
    """The category (``other`` and ``needs_review`` when the classifier is unsure) and a
    suggested priority of a ticket filed without a category."""
    prediction = triage.predict(title, description)
    category = prediction.category if prediction.category in Category.values else Category.OTHER
    priority = prediction.priority if prediction.priority in Priority.values else None
    return Guess(category, float(prediction.confidence), bool(prediction.needs_review), priority)


def record_label(title: str, description: str, category: str) -> None:
    """Called after commit: a label lost is logged, and never undoes the support's change."""
    try:
        triage.record_label(text_of(title, description), category, source="helpdesk")
    except Exception:
        log.exception("triage.record_label failed for a %s label", category)
