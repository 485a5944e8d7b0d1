"""The helpdesk's models, measured in-process: the ticket classifier on its held-out set, and the
FAQ bot on held-out paraphrases and off-topic questions, and its answer time with 1,000 FAQs.

    .venv/bin/python bench/helpdesk/run.py                 # ~1 min
    .venv/bin/python bench/helpdesk/run.py --queries 2000  # more answer-time samples

No database and no hub: ``triage.classifier`` and ``chatbot.retrieval`` are the code the hub
runs, without Django. Printed, each beside a baseline measured in the same run:

1. **Classifier** (triage/data/heldout.txt, never trained on): accuracy, macro-F1, Brier score
   and expected calibration error (10 bins, top label) of the category and the priority model.
   Baselines: the class frequencies of the training set (a model that knows nothing), and
   TF-IDF words + logistic regression's own ``predict_proba`` with no calibration.
   Targets: macro-F1 ≥ 0.85, ECE ≤ 0.10.
2. **FAQ bot** on the 30 starter FAQs (chatbot/data/faqs.json), held-out questions of
   chatbot/data/eval.json (thresholds were chosen on its ``dev`` part only): top-1 accuracy on
   paraphrases, how many it answers right / answers wrong / hands over, and the escalation rate
   on off-topic questions, at the hub's default thresholds. Baselines: BM25 alone and the
   embeddings alone (top-1). Targets: ≥ 90 % top-1 and ≥ 90 % off-topic escalated.
3. **Answer time** with 1,000 FAQs (the 30 plus 970 generated from a product vocabulary):
   ``Index.match`` per question, p50/p95/p99 over ``--queries`` questions (held-out ones,
   cycled), beside BM25 alone on the same index and questions. Target p95 < 30 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE.parent), str(ROOT)]

import common  # noqa: E402 - needs the path above

# The hub's default thresholds (chatops/settings.py), read the same way without Django.
MIN_CONFIDENCE = float(os.environ.get("CHATBOT_MIN_CONFIDENCE", "0.45"))
MIN_MARGIN = float(os.environ.get("CHATBOT_MIN_MARGIN", "0.05"))


def pct(x: float) -> str:
    return f"{100 * x:5.1f} %"


# --- 1. The classifier -----------------------------------------------------------------------------


def classifier_section() -> None:
    import warnings

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from triage import classifier
    from triage.choices import CATEGORIES, PRIORITIES

    train = classifier.shipped_training()
    heldout = classifier.heldout()
    print(f"== 1. Ticket classifier: {len(train)} training labels, {len(heldout)} held-out (never trained on)")
    started = time.perf_counter()
    model = classifier.train(train)
    fit_seconds = time.perf_counter() - started
    ours = classifier.evaluate(model, heldout)
    texts = [e.text for e in heldout]
    for target, labels in (("category", CATEGORIES), ("priority", PRIORITIES)):
        truth = [getattr(e, target) for e in heldout]
        counts = {label: sum(getattr(e, target) == label for e in train) for label in labels}
        prior = {label: counts[label] / len(train) for label in labels}
        prior_scores = classifier.scores(truth, [prior] * len(heldout), labels)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            raw = make_pipeline(
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(max_iter=2000)
            )
            raw.fit([e.text for e in train], [getattr(e, target) for e in train])
        raw_rows = [
            {str(c): float(p) for c, p in zip(raw.classes_, row, strict=True)} for row in raw.predict_proba(texts)
        ]
        raw_scores = classifier.scores(truth, raw_rows, labels)
        print(f"   {target}:")
        print(f"     {'':38} {'accuracy':>9} {'macro-F1':>9} {'Brier':>7} {'ECE':>7}")
        rows = [
            ("ours (TF-IDF w+c, SVM, sigmoid-calibrated)", ours[target]),
            ("baseline: class frequencies", prior_scores),
            ("baseline: TF-IDF words + LR, uncalibrated", raw_scores),
        ]
        for name, s in rows:
            print(f"     {name:38.38} {s['accuracy']:9.3f} {s['macro_f1']:9.3f} {s['brier']:7.3f} {s['ece']:7.3f}")
    s = ours["category"]
    print(
        f"   category targets: macro-F1 {s['macro_f1']:.3f} (≥ 0.85: {'met' if s['macro_f1'] >= 0.85 else 'NOT met'}), "
        f"ECE {s['ece']:.3f} (≤ 0.10: {'met' if s['ece'] <= 0.10 else 'NOT met'}); "
        f"both models fitted in {fit_seconds:.1f} s"
    )


# --- 2. The FAQ bot --------------------------------------------------------------------------------


def bot_section() -> None:
    from chatbot import retrieval, starter

    faqs = starter.starter_faqs()
    held = starter.evaluation()["heldout"]
    docs = [retrieval.Doc(i, f["question"], f["answer"], tuple(f["tags"])) for i, f in enumerate(faqs)]
    slug = {i: f["slug"] for i, f in enumerate(faqs)}
    index = retrieval.Index(docs)
    paraphrases = held["paraphrases"]
    off_topic = held["off_topic"]
    print(
        f"\n== 2. FAQ bot: {len(faqs)} FAQs, {len(paraphrases)} held-out paraphrases, {len(off_topic)} held-out "
        f"off-topic questions; thresholds confidence ≥ {MIN_CONFIDENCE}, lead ≥ {MIN_MARGIN}"
    )
    top1 = answered_right = answered_wrong = handed = 0
    lexical_top1 = semantic_top1 = 0
    for expected, question in paraphrases:
        match = index.match(question)
        assert match.best is not None
        right = slug[match.best.doc.id] == expected
        top1 += right
        sure = match.confidence >= MIN_CONFIDENCE and match.margin >= MIN_MARGIN
        answered_right += sure and right
        answered_wrong += sure and not right
        handed += not sure
        lexical_top1 += slug[int(index._bm25_scores(question).argmax())] == expected
        semantic_top1 += slug[int(index._cosines(question).argmax())] == expected
    escalated = sum(
        not (m.confidence >= MIN_CONFIDENCE and m.margin >= MIN_MARGIN) for m in (index.match(q) for q in off_topic)
    )
    n = len(paraphrases)
    print(f"   top-1 accuracy on paraphrases:  fused {pct(top1 / n)}   (BM25 alone {pct(lexical_top1 / n)}, "
          f"embeddings alone {pct(semantic_top1 / n)})")  # fmt: skip
    print(f"   paraphrases answered right {pct(answered_right / n)}, answered wrong {pct(answered_wrong / n)}, "
          f"handed over {pct(handed / n)}")  # fmt: skip
    print(f"   off-topic questions handed over: {pct(escalated / len(off_topic))}")
    print(
        f"   targets (≥ 90 %): top-1 {'met' if top1 / n >= 0.9 else 'NOT met'}, "
        f"off-topic escalation {'met' if escalated / len(off_topic) >= 0.9 else 'NOT met'}"
    )


# --- 3. Answer time with 1,000 FAQs ----------------------------------------------------------------

TOPICS = (
    "agent", "alert", "threshold", "silence", "notification", "channel", "webhook", "api key", "token",
    "server", "container", "command", "approval", "chat room", "ticket", "dashboard", "chart", "log tail",
    "metric", "retention", "backup", "team", "role", "password", "invitation", "email provider", "quiet hours",
    "tag", "enrolment key", "audit log",
)  # fmt: skip
VERBS = (
    "configure", "delete", "rename", "export", "import", "share", "disable", "enable", "find", "filter",
    "sort", "limit", "schedule", "copy", "move", "restore", "archive", "test", "debug", "monitor",
)  # fmt: skip
CONTEXTS = (
    "for a team", "on a new server", "from chat", "in the dashboard", "with the API", "for all servers",
    "during maintenance", "at night", "for a customer", "after an upgrade", "in bulk", "from a script",
)  # fmt: skip


def generated_faqs(count: int, seed: int = 7) -> list[tuple[str, str, tuple[str, ...]]]:
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[tuple[str, str, tuple[str, ...]]] = []
    while len(out) < count:
        topic, verb, context = rng.choice(TOPICS), rng.choice(VERBS), rng.choice(CONTEXTS)
        question = f"How do I {verb} a {topic} {context}?"
        if question in seen:
            continue
        seen.add(question)
        answer = (
            f"To {verb} a {topic} {context}, open the {topic} settings, choose {verb.capitalize()} and confirm. "
            f"Admins and operators may {verb} any {topic}; others only their own. See the docs for the API route."
        )
        out.append((question, answer, (topic.replace(" ", "-"), verb)))
    return out


def timing_section(queries: int) -> None:
    from chatbot import retrieval, starter

    faqs = starter.starter_faqs()
    held = starter.evaluation()["heldout"]
    docs = [retrieval.Doc(i, f["question"], f["answer"], tuple(f["tags"])) for i, f in enumerate(faqs)]
    docs += [retrieval.Doc(len(docs) + i, q, a, t) for i, (q, a, t) in enumerate(generated_faqs(1000 - len(docs)))]
    started = time.perf_counter()
    index = retrieval.Index(docs)
    build = time.perf_counter() - started
    questions = [q for _, q in held["paraphrases"]] + list(held["off_topic"])
    for question in questions[:20]:  # warm-up
        index.match(question)
    fused: list[float] = []
    lexical: list[float] = []
    for i in range(queries):
        question = questions[i % len(questions)]
        t0 = time.perf_counter()
        index._bm25_scores(question).argmax()
        t1 = time.perf_counter()
        index.match(question)
        t2 = time.perf_counter()
        lexical.append((t1 - t0) * 1000)
        fused.append((t2 - t1) * 1000)
    print(f"\n== 3. Answer time with {len(index)} FAQs (index built in {build:.2f} s), {queries} questions, in-process")
    print(f"   {'':32} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name, values in (("fused (BM25 + embeddings, RRF)", fused), ("baseline: BM25 alone", lexical)):
        print(
            f"   {name:32} {common.percentile(values, 50):8.2f} {common.percentile(values, 95):8.2f} "
            f"{common.percentile(values, 99):8.2f} {statistics.fmean(values):8.2f}"
        )
    p95, base = common.percentile(fused, 95), common.percentile(lexical, 95)
    print(f"   fused p95 = {p95 / base:.1f} times BM25 alone's; target p95 < 30 ms: {'met' if p95 < 30 else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=1000, help="questions timed with 1,000 FAQs")
    parser.add_argument("--deadline", type=float, default=900, help="seconds before the run gives up")
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    classifier_section()
    bot_section()
    timing_section(args.queries)


if __name__ == "__main__":
    main()
