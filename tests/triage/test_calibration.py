"""The classifier's quality on the held-out set (never trained on): the issue's targets."""

from __future__ import annotations

import pytest

from triage import classifier
from triage.choices import CATEGORIES


@pytest.fixture(scope="module")
def shipped_model():
    return classifier.train(classifier.shipped_training())


def test_heldout_is_separate_and_big_enough():
    train = {" ".join(e.text.split()).casefold() for e in classifier.shipped_training()}
    heldout = classifier.heldout()
    assert not [e.text for e in heldout if " ".join(e.text.split()).casefold() in train]
    for category in CATEGORIES:
        assert sum(e.category == category for e in classifier.shipped_training()) >= 40
        assert sum(e.category == category for e in heldout) >= 15


def test_heldout_accuracy_and_calibration(shipped_model):
    scores = classifier.evaluate(shipped_model)["category"]
    assert scores["macro_f1"] >= 0.85
    assert scores["ece"] <= 0.10
    # Better than knowing nothing: a uniform guess over 7 categories scores 1 - 1/7 ≈ 0.857.
    assert scores["brier"] < 0.2


def test_priority_is_calibrated_too(shipped_model):
    scores = classifier.evaluate(shipped_model)["priority"]
    assert scores["ece"] <= 0.15
    assert scores["accuracy"] > 0.5  # four priorities: chance is ~0.25


def test_scores_on_known_probabilities():
    """ECE and Brier computed by hand for a small case, so the metric itself is checked."""
    truth = ["a", "a", "b", "b"]
    probs = [{"a": 0.9, "b": 0.1}, {"a": 0.6, "b": 0.4}, {"a": 0.7, "b": 0.3}, {"a": 0.2, "b": 0.8}]
    scores = classifier.scores(truth, probs, ["a", "b"])
    assert scores["accuracy"] == pytest.approx(0.75)
    # Brier: (0.01+0.01) + (0.16+0.16) + (0.49+0.49) + (0.04+0.04) = 1.4, over 4.
    assert scores["brier"] == pytest.approx(0.35)
    # Bins: 0.6 → (0.5,0.6] correct; 0.7 → (0.6,0.7] wrong; 0.8, 0.9 → correct.
    # |1-0.6|/4 + |0-0.7|/4 + |1-0.8|/4 + |1-0.9|/4 = (0.4+0.7+0.2+0.1)/4 = 0.35
    assert scores["ece"] == pytest.approx(0.35)
    assert scores["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
