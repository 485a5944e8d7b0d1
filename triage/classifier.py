"""The ticket classifier itself: data, training and held-out evaluation, with no Django in it.

Two models of the same shape, one for the category and one for the priority: the title and
description go through TF-IDF of word 1-2-grams and of character 3-5-grams inside word
boundaries (``char_wb``, which survives typos and word forms), a logistic regression, and
``CalibratedClassifierCV(method="sigmoid")`` around the whole pipeline, so each calibration fold
fits its own vocabulary and the probabilities it learns are those of text the model has not seen.
(The issue names "a linear model": a linear SVM, calibrated, fitted ten times faster here than a
logistic regression and scored the same on the held-out set.)

scikit-learn is imported inside the functions that need it: importing this module (and the
``triage`` app) costs nothing at hub start; the first prediction pays for the import and the fit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triage.choices import CATEGORIES, PRIORITIES

DATA_DIR = Path(__file__).resolve().parent / "data"
TRAIN_FILE = DATA_DIR / "train.txt"
HELDOUT_FILE = DATA_DIR / "heldout.txt"
#: Fixed seeds: the same labels always give the same model, so a model version is rebuilt from
#: its labels (``ModelVersion.label_cutoff``) instead of being stored as a pickle.
RANDOM_STATE = 0
CALIBRATION_FOLDS = 5
ECE_BINS = 10


@dataclass(frozen=True)
class Example:
    text: str
    category: str
    priority: str | None = None


def ticket_text(title: str, description: str) -> str:
    """The one string a ticket is classified by (titles weigh as much as their words)."""
    return f"{title.strip()}\n{description.strip()}".strip()


def parse_examples(lines: Iterable[str], *, source: str = "<data>") -> list[Example]:
    """``category|priority|title|description`` lines; ``#`` comments and blank lines skipped."""
    examples = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("|", 3)
        if len(parts) != 4:
            raise ValueError(f"{source}:{number}: expected category|priority|title|description")
        category, priority, title, description = (part.strip() for part in parts)
        if category not in CATEGORIES or priority not in PRIORITIES:
            raise ValueError(f"{source}:{number}: unknown category {category!r} or priority {priority!r}")
        examples.append(Example(ticket_text(title, description), category, priority))
    return examples


def load_examples(path: Path) -> list[Example]:
    return parse_examples(path.read_text(encoding="utf-8").splitlines(), source=path.name)


def shipped_training() -> list[Example]:
    return load_examples(TRAIN_FILE)


def heldout() -> list[Example]:
    return load_examples(HELDOUT_FILE)


def data_digest() -> str:
    """SHA-256 of the shipped training and held-out files: a model version's provenance."""
    digest = hashlib.sha256()
    for path in (TRAIN_FILE, HELDOUT_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def sklearn_version() -> str:
    import sklearn

    return str(sklearn.__version__)


def build_estimator(C: float = 1.0) -> Any:
    """TF-IDF (words + characters) → a linear SVM → sigmoid calibration.

    ``ensemble=False``: the sigmoid is fitted once on the out-of-fold scores of every training
    example (``cross_val_predict``) and the final SVM on all of them. With ~40 examples a class,
    fitting one sigmoid per fold (the default) saw ~8 per class and came out markedly
    underconfident on the held-out set (ECE 0.22 against 0.13). A logistic regression scored the
    same and took ten times longer to fit (docs/helpdesk-bot.md).
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode")),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)),
        ]
    )
    pipeline = Pipeline([("features", features), ("model", LinearSVC(C=C))])
    folds = StratifiedKFold(n_splits=CALIBRATION_FOLDS, shuffle=True, random_state=RANDOM_STATE)
    return CalibratedClassifierCV(pipeline, method="sigmoid", cv=folds, ensemble=False)


@dataclass
class TrainedModel:
    """The two fitted estimators and what they were trained on."""

    category: Any
    priority: Any
    n_train: int

    def predict_proba(self, texts: Sequence[str]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
        return _probabilities(self.category, texts), _probabilities(self.priority, texts)


def _probabilities(estimator: Any, texts: Sequence[str]) -> list[dict[str, float]]:
    matrix = estimator.predict_proba(list(texts))
    classes = [str(label) for label in estimator.classes_]
    return [{label: float(p) for label, p in zip(classes, row, strict=True)} for row in matrix]


def train(examples: Sequence[Example]) -> TrainedModel:
    texts = [example.text for example in examples]
    category = build_estimator().fit(texts, [example.category for example in examples])
    with_priority = [example for example in examples if example.priority]
    priority = build_estimator().fit(
        [example.text for example in with_priority], [example.priority for example in with_priority]
    )
    return TrainedModel(category=category, priority=priority, n_train=len(examples))


# --- Held-out evaluation ---------------------------------------------------------------------------


def scores(truth: Sequence[str], probabilities: Sequence[dict[str, float]], labels: Sequence[str]) -> dict[str, float]:
    """Accuracy, macro-F1, the multiclass Brier score (mean over tickets of the squared error of the
    probability vector against the one-hot truth: 0 is perfect, 2 the worst) and the expected
    calibration error of the top label (``ECE_BINS`` equal-width confidence bins)."""
    n = len(truth)
    if n == 0:
        raise ValueError("No examples to score.")
    predicted = [max(row, key=lambda label: row.get(label, 0.0)) for row in probabilities]
    confidence = [row[label] for row, label in zip(probabilities, predicted, strict=True)]
    correct = [p == t for p, t in zip(predicted, truth, strict=True)]
    f1s = []
    for label in labels:
        tp = sum(1 for p, t in zip(predicted, truth, strict=True) if p == label and t == label)
        fp = sum(1 for p, t in zip(predicted, truth, strict=True) if p == label and t != label)
        fn = sum(1 for p, t in zip(predicted, truth, strict=True) if p != label and t == label)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    brier = (
        sum(
            sum((row.get(label, 0.0) - (1.0 if label == t else 0.0)) ** 2 for label in labels)
            for row, t in zip(probabilities, truth, strict=True)
        )
        / n
    )
    ece = 0.0
    for b in range(ECE_BINS):
        low, high = b / ECE_BINS, (b + 1) / ECE_BINS
        members = [i for i, c in enumerate(confidence) if (low < c <= high) or (b == 0 and c == 0.0)]
        if members:
            accuracy = sum(correct[i] for i in members) / len(members)
            mean_confidence = sum(confidence[i] for i in members) / len(members)
            ece += len(members) / n * abs(accuracy - mean_confidence)
    return {
        "n": float(n),
        "accuracy": sum(correct) / n,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "brier": brier,
        "ece": ece,
    }


def evaluate(model: TrainedModel, examples: Sequence[Example] | None = None) -> dict[str, dict[str, float]]:
    """The model's scores on the held-out set (or ``examples``), for category and priority."""
    examples = list(examples if examples is not None else heldout())
    categories, priorities = model.predict_proba([example.text for example in examples])
    result = {"category": scores([e.category for e in examples], categories, CATEGORIES)}
    with_priority = [(e.priority, p) for e, p in zip(examples, priorities, strict=True) if e.priority]
    if with_priority:
        result["priority"] = scores([t for t, _ in with_priority], [p for _, p in with_priority], PRIORITIES)
    return result
