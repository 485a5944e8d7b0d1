"""Predictions, labels and retraining (the models, their cache in each process, the keep rule)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from triage import Prediction, classifier
from triage.choices import CATEGORIES, FALLBACK_CATEGORY, LABEL_SOURCE_PATTERN, PRIORITIES
from triage.models import Label, ModelVersion

logger = logging.getLogger(__name__)

_lock = threading.Lock()
#: (label_cutoff, data + labels digest) → the fitted model, in this process. A few at most.
_models: dict[tuple[int, str], classifier.TrainedModel] = {}


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def training_examples(label_cutoff: int) -> list[classifier.Example]:
    """The shipped training set plus every label up to ``label_cutoff``, minus any label whose
    text is one of the held-out examples (the held-out set is never trained on)."""
    heldout = {_normalise(example.text) for example in classifier.heldout()}
    examples = classifier.shipped_training()
    for label in Label.objects.filter(id__lte=label_cutoff).order_by("id"):
        if _normalise(label.text) in heldout:
            continue
        examples.append(classifier.Example(label.text, label.category, label.priority or None))
    return examples


def labels_digest(label_cutoff: int) -> str:
    """SHA-256 of the labels up to ``label_cutoff`` (ids, categories, priorities, texts)."""
    digest = hashlib.sha256()
    for row in (
        Label.objects.filter(id__lte=label_cutoff).order_by("id").values_list("id", "category", "priority", "text")
    ):
        digest.update(json.dumps(row).encode())
    return digest.hexdigest()


def _artefact(label_cutoff: int, digest: str) -> Path:
    name = f"model-{label_cutoff}-{digest[:16]}-sklearn{classifier.sklearn_version()}"
    return Path(settings.VAR_DIR) / "triage" / f"{name}.joblib"


def _load_artefact(path: Path, provenance: dict[str, Any]) -> classifier.TrainedModel | None:
    """The fitted model this hub wrote earlier, if its provenance (beside it) is the one asked for."""
    sidecar = path.with_suffix(".json")
    try:
        if json.loads(sidecar.read_text()) != provenance:
            return None
        import joblib

        model = joblib.load(path)
    except (OSError, ValueError, EOFError, ImportError, AttributeError, TypeError):
        return None
    return model if isinstance(model, classifier.TrainedModel) else None


def _save_artefact(path: Path, provenance: dict[str, Any], model: classifier.TrainedModel) -> None:
    import joblib

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        joblib.dump(model, tmp)
        tmp.replace(path)
        path.with_suffix(".json").write_text(json.dumps(provenance, indent=1))
    except OSError:
        logger.warning("triage: could not cache the fitted model at %s", path, exc_info=True)


def model_for(label_cutoff: int) -> classifier.TrainedModel:
    """The model trained on the shipped data and the labels up to ``label_cutoff``: kept in this
    process; fitted at its first use, or read back from the artefact a process of this hub
    fitted before (``VAR_DIR/triage``, with its provenance: labels, data digest, scikit-learn
    version), so a restart does not pay for the fit again."""
    digest = classifier.data_digest()
    labels = labels_digest(label_cutoff)
    key = (label_cutoff, digest + labels)
    with _lock:
        model = _models.get(key)
        if model is None:
            path = _artefact(label_cutoff, hashlib.sha256((digest + labels).encode()).hexdigest())
            provenance = {
                "label_cutoff": label_cutoff,
                "data_digest": digest,
                "sklearn_version": classifier.sklearn_version(),
                "labels_digest": labels,
            }
            model = _load_artefact(path, provenance)
            if model is None:
                model = classifier.train(training_examples(label_cutoff))
                _save_artefact(path, provenance, model)
            if len(_models) >= 4:
                _models.clear()
            _models[key] = model
        return model


def warm() -> None:
    """The active model, fitted or read back into this process's cache."""
    version = active_version()
    model_for(version.label_cutoff if version else 0)


def clear_cache() -> None:
    with _lock:
        _models.clear()


def active_version() -> ModelVersion | None:
    return ModelVersion.objects.filter(status=ModelVersion.Status.ACTIVE).first()


def predict(title: str, description: str) -> Prediction:
    version = active_version()
    model = model_for(version.label_cutoff if version else 0)
    [categories], [priorities] = model.predict_proba([classifier.ticket_text(title, description)])
    top = max(CATEGORIES, key=lambda label: categories.get(label, 0.0))
    top_p = categories.get(top, 0.0)
    needs_review = top_p < settings.TRIAGE_CONFIDENCE_THRESHOLD
    category = FALLBACK_CATEGORY if needs_review else top
    priority = max(PRIORITIES, key=lambda label: priorities.get(label, 0.0))
    return Prediction(
        category=category,
        confidence=round(categories.get(category, 0.0), 4),
        needs_review=needs_review,
        priority=priority,
        priority_confidence=round(priorities.get(priority, 0.0), 4),
        suggested_category=top,
        suggested_confidence=round(top_p, 4),
        model_version=version.pk if version else None,
    )


def record_label(text: str, category: str, *, source: str, priority: str | None = None) -> Label:
    """Store a correction as a training label. Raises ``ValueError`` for an unknown category,
    priority or source, or an empty text."""
    if category not in CATEGORIES:
        raise ValueError(f"Unknown category {category!r}.")
    if priority is not None and priority not in PRIORITIES:
        raise ValueError(f"Unknown priority {priority!r}.")
    if not re.fullmatch(LABEL_SOURCE_PATTERN, source):
        raise ValueError(f"Unknown label source {source!r}: a short lowercase name such as 'helpdesk'.")
    if not text.strip():
        raise ValueError("A label needs a text.")
    return Label.objects.create(text=text.strip(), category=category, priority=priority or "", source=source)


# --- Retraining ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetrainOutcome:
    version: ModelVersion
    kept: bool
    previous: ModelVersion | None


def _record(label_cutoff: int, status: str, model: classifier.TrainedModel, heldout: dict, reason: str) -> ModelVersion:
    return ModelVersion.objects.create(
        status=status,
        label_cutoff=label_cutoff,
        n_train=model.n_train,
        data_digest=classifier.data_digest(),
        sklearn_version=classifier.sklearn_version(),
        heldout=heldout,
        reason=reason,
    )


def not_worse(candidate: dict, current: dict, tolerance: float) -> tuple[bool, str]:
    """The keep rule on held-out category scores: macro-F1 not lower and Brier score not higher
    (beyond ``tolerance``)."""
    new, old = candidate["category"], current["category"]
    figures = f"macro-F1 {new['macro_f1']:.3f} vs {old['macro_f1']:.3f}, Brier {new['brier']:.4f} vs {old['brier']:.4f}"
    if new["macro_f1"] < old["macro_f1"] - tolerance:
        return False, f"held-out macro-F1 fell: {figures}"
    if new["brier"] > old["brier"] + tolerance:
        return False, f"held-out Brier score rose: {figures}"
    return True, f"not worse on the held-out set: {figures}"


def retrain(*, force: bool = False, min_labels: int | None = None) -> RetrainOutcome | None:
    """Train on the shipped data and every label so far; keep the result as the active model only
    if it is not worse on the held-out set than the active one (evaluated again now, so both are
    scored on the same held-out data by the same code). Does nothing (None) while fewer than
    ``TRIAGE_RETRAIN_MIN_LABELS`` labels arrived since the last attempt, unless ``force``."""
    minimum = settings.TRIAGE_RETRAIN_MIN_LABELS if min_labels is None else min_labels
    last = ModelVersion.objects.order_by("-label_cutoff", "-id").first()
    since = last.label_cutoff if last else 0
    newest = Label.objects.order_by("-id").values_list("id", flat=True).first() or 0
    fresh = Label.objects.filter(id__gt=since).count()
    if not force and fresh < minimum:
        return None
    current = active_version()
    current_cutoff = current.label_cutoff if current else 0
    current_scores = classifier.evaluate(model_for(current_cutoff))
    if current is None:
        current = _record(0, ModelVersion.Status.ACTIVE, model_for(0), current_scores, "the shipped training set")
    candidate = classifier.train(training_examples(newest))
    candidate_scores = classifier.evaluate(candidate)
    keep, reason = not_worse(candidate_scores, current_scores, settings.TRIAGE_RETRAIN_TOLERANCE)
    with transaction.atomic():
        if keep:
            ModelVersion.objects.filter(pk=current.pk).update(status=ModelVersion.Status.RETIRED)
            version = _record(newest, ModelVersion.Status.ACTIVE, candidate, candidate_scores, reason)
        else:
            version = _record(newest, ModelVersion.Status.REJECTED, candidate, candidate_scores, reason)
    if keep:
        with _lock:
            _models[(newest, classifier.data_digest() + labels_digest(newest))] = candidate
    logger.info("triage retrain on %d labels: %s (%s)", newest, "kept" if keep else "rejected", reason)
    return RetrainOutcome(version=version, kept=keep, previous=current)
