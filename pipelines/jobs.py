"""The pipelines app's background jobs: apply accepted deliveries, prune old ones."""

from __future__ import annotations

from chatops.registry import Job
from pipelines.services.ingest import process_pending
from pipelines.services.integrations import prune_deliveries

JOBS = (
    # Deliveries are stored by the receivers and applied here, oldest first.
    Job("pipelines.process_deliveries", 1.0, process_pending),
    Job("pipelines.prune_deliveries", 3600.0, prune_deliveries),
)
