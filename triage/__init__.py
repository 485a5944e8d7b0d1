"""Ticket triage: a calibrated classifier that suggests a ticket's category and priority.

The public interface (the wave contract, docs/helpdesk-bot.md):

- ``triage.predict(title, description) -> Prediction``
- ``triage.record_label(text, category, *, source, priority=None)``: a correction by support
  staff becomes a training label; the worker's ``triage.retrain`` job retrains later and keeps
  the new model only if it is not worse on the held-out set.

Importing this package imports neither scikit-learn nor the models: the model is fitted at the
first prediction in each process (``triage.services``), never at hub start.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Prediction", "predict", "record_label"]


@dataclass(frozen=True)
class Prediction:
    """What the classifier suggests for one ticket.

    ``confidence`` is the calibrated probability of ``category``. When the most likely category's
    probability is under ``TRIAGE_CONFIDENCE_THRESHOLD``, ``needs_review`` is set and ``category``
    is ``other`` (its ``confidence`` is then the probability of ``other``); the model's own choice
    stays in ``suggested_category`` / ``suggested_confidence`` for the reviewer.
    """

    category: str
    confidence: float
    needs_review: bool
    priority: str
    priority_confidence: float
    suggested_category: str = ""
    suggested_confidence: float = 0.0
    #: The ``triage.ModelVersion`` that answered (None: the model fitted from the shipped data).
    model_version: int | None = None


def predict(title: str, description: str) -> Prediction:
    from triage.services import predict as _predict

    return _predict(title, description)


def record_label(text: str, category: str, *, source: str, priority: str | None = None) -> None:
    from triage.services import record_label as _record_label

    _record_label(text, category, source=source, priority=priority)
