"""The starter FAQs about the hub itself (chatbot/data/faqs.json), loaded by a data migration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FAQS_FILE = Path(__file__).resolve().parent / "data" / "faqs.json"
EVAL_FILE = Path(__file__).resolve().parent / "data" / "eval.json"


def starter_faqs() -> list[dict[str, Any]]:
    """Each: slug (only to name it in the evaluation questions), question, answer, category, tags."""
    return list(json.loads(FAQS_FILE.read_text(encoding="utf-8")))


def evaluation() -> dict[str, Any]:
    """Paraphrases and off-topic questions: ``dev`` (thresholds were chosen on it) and
    ``heldout`` (only measured, by bench/helpdesk and the tests)."""
    return dict(json.loads(EVAL_FILE.read_text(encoding="utf-8")))


def load(faq_model: Any) -> int:
    """Add the starter FAQs whose question is not there yet; returns how many were added."""
    existing = set(faq_model.objects.values_list("question", flat=True))
    new = [
        faq_model(question=f["question"], answer=f["answer"], category=f["category"], tags=f["tags"])
        for f in starter_faqs()
        if f["question"] not in existing
    ]
    faq_model.objects.bulk_create(new)
    return len(new)
