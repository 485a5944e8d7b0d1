"""Retrieval over the FAQs, with no Django in it: BM25 (bm25s) and sentence embeddings (wordllama)
fused by reciprocal rank, and a confidence the bot decides by.

- **BM25** over each FAQ's question, tags and answer (bm25s, English stop words, Snowball stems).
- **Embeddings** of each FAQ's question and tags: wordllama's ``l2_supercat`` 256-dim model,
  whose weights and tokenizer ship inside its wheel. Its default loader looks for the tokenizer
  in the wrong folder and then downloads from Hugging Face; we load it with the package's own
  folder as ``cache_dir`` and ``disable_download=True``, so it never touches the network (a test
  runs it in a network namespace with no interfaces, ``unshare -n``).
- **Fusion**: reciprocal rank fusion, ``Σ 1/(RRF_K + rank)`` over the two rankings, orders the
  candidates. RRF scores are ranks, not relevance, so the confidence of a candidate is its
  cosine similarity to the question, lifted by its lexical match:
  ``1 - (1 - max(cos, 0)) * (1 - bm25 / (bm25 + BM25_HALF))``. The bot answers with the fused
  best when that confidence reaches a threshold and leads the fused runner-up's by a margin.

Both libraries are imported at the first search in a process, never at hub start.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RRF_K = 60
#: The BM25 score at which the lexical part of the confidence is one half.
BM25_HALF = 6.0
CANDIDATES = 10

_embedder_lock = threading.Lock()
_embedder: Any = None


def embedder() -> Any:
    """wordllama's model from its own wheel, with downloads disabled (loaded once per process)."""
    global _embedder
    with _embedder_lock:
        if _embedder is None:
            import wordllama
            from wordllama import WordLlama

            package = Path(wordllama.__file__).resolve().parent
            _embedder = WordLlama.load(config="l2_supercat", dim=256, cache_dir=package, disable_download=True)
        return _embedder


def stemmer() -> Any:
    """Snowball's English stemmer (PyStemmer): "viewers" and "viewer" count as one word."""
    import Stemmer

    return Stemmer.Stemmer("english")


@dataclass(frozen=True)
class Doc:
    id: int
    question: str
    answer: str
    tags: tuple[str, ...] = ()

    @property
    def lexical_text(self) -> str:
        return " ".join([self.question, " ".join(self.tags), self.answer])

    @property
    def semantic_text(self) -> str:
        return " ".join([self.question, " ".join(tag.replace("-", " ") for tag in self.tags)])


@dataclass(frozen=True)
class Hit:
    doc: Doc
    fused: float
    cosine: float
    bm25: float
    confidence: float


@dataclass(frozen=True)
class Match:
    """The fused best and runner-up (None when the index is empty) and the margin between their
    confidences."""

    best: Hit | None
    runner_up: Hit | None

    @property
    def confidence(self) -> float:
        return self.best.confidence if self.best else 0.0

    @property
    def margin(self) -> float:
        if self.best is None:
            return 0.0
        return self.best.confidence - (self.runner_up.confidence if self.runner_up else 0.0)


def confidence_of(cosine: float, bm25: float) -> float:
    lexical = bm25 / (bm25 + BM25_HALF) if bm25 > 0 else 0.0
    return 1.0 - (1.0 - max(cosine, 0.0)) * (1.0 - lexical)


class Index:
    """A searchable snapshot of the FAQs."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        import bm25s
        import numpy as np

        self.docs = list(docs)
        self._np = np
        self._bm25s = bm25s
        self._bm25: Any = None
        self._vectors: Any = np.zeros((0, 1), dtype=np.float32)
        if not self.docs:
            return
        tokens = bm25s.tokenize(
            [d.lexical_text for d in self.docs], stopwords="en", stemmer=stemmer(), show_progress=False
        )
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokens, show_progress=False)
        vectors = np.asarray(embedder().embed([d.semantic_text for d in self.docs]), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self._vectors = vectors / np.where(norms == 0, 1.0, norms)

    def __len__(self) -> int:
        return len(self.docs)

    def _bm25_scores(self, query: str) -> Any:
        np = self._np
        [words] = self._bm25s.tokenize(
            [query], stopwords="en", stemmer=stemmer(), return_ids=False, show_progress=False
        )
        # Words the FAQs never use are not in the index's vocabulary: score those that are.
        known = [word for word in words if word in self._bm25.vocab_dict]
        if not known:
            return np.zeros(len(self.docs), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def _cosines(self, query: str) -> Any:
        np = self._np
        vector = np.asarray(embedder().embed([query]), dtype=np.float32)[0]
        norm = float(np.linalg.norm(vector))
        return self._vectors @ (vector / norm) if norm else np.zeros(len(self.docs), dtype=np.float32)

    def search(self, query: str, limit: int = CANDIDATES) -> list[Hit]:
        if not self.docs or not query.strip():
            return []
        np = self._np
        lexical = self._bm25_scores(query)
        semantic = self._cosines(query)
        fused = np.zeros(len(self.docs), dtype=np.float64)
        for scores in (lexical, semantic):
            order = np.argsort(-scores, kind="stable")
            ranks = np.empty(len(order), dtype=np.int64)
            ranks[order] = np.arange(1, len(order) + 1)
            fused += 1.0 / (RRF_K + ranks)
        top = np.argsort(-fused, kind="stable")[:limit]
        return [
            Hit(
                doc=self.docs[i],
                fused=float(fused[i]),
                cosine=float(semantic[i]),
                bm25=float(lexical[i]),
                confidence=confidence_of(float(semantic[i]), float(lexical[i])),
            )
            for i in top
        ]

    def match(self, query: str) -> Match:
        hits = self.search(query, limit=2)
        return Match(best=hits[0] if hits else None, runner_up=hits[1] if len(hits) > 1 else None)
