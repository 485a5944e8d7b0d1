"""Ingestion: data frames from agents into the database, idempotently, in batches.

- ``batching``: the group-commit batcher each agent socket hands its frames to;
- ``plan``: the pure half of a batch (what to write and publish, from the frames);
- ``write``: the transaction that carries a plan out (COPY, streams, latest samples);
- ``marks``: the minutes to roll up;
- ``evaluators``: the hook through which another app (alerts) judges the samples of a batch.

``record_samples`` and ``publish`` are looked up here by the batcher at call time: they are
the seams tests and benchmarks replace (``monkeypatch.setattr(monitoring.ingest, ...)``).
"""

from __future__ import annotations

from chatops.realtime import publish
from monitoring.ingest.batching import DATA_FAULTS, FrameRefused, IngestBatcher, batcher
from monitoring.ingest.evaluators import Evaluator, SampleIn, register_evaluator, run_evaluators
from monitoring.ingest.marks import MARK_REUSE_SECONDS, ROLLUP_SETTLE_SECONDS, MarkedMinutes, marked_minutes
from monitoring.ingest.plan import BatchPlan, FrameIn, plan_batch
from monitoring.ingest.write import BatchResult, record_rejected_frame, record_samples

__all__ = [
    "DATA_FAULTS",
    "MARK_REUSE_SECONDS",
    "ROLLUP_SETTLE_SECONDS",
    "BatchPlan",
    "BatchResult",
    "Evaluator",
    "FrameIn",
    "FrameRefused",
    "IngestBatcher",
    "MarkedMinutes",
    "SampleIn",
    "batcher",
    "marked_minutes",
    "plan_batch",
    "publish",
    "record_rejected_frame",
    "record_samples",
    "register_evaluator",
    "run_evaluators",
]
