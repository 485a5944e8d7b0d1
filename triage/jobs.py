"""The worker's retraining job: new labels → a candidate model, kept only if not worse."""

from __future__ import annotations

from django.conf import settings

from chatops.registry import Job
from triage.services import retrain, warm


def retrain_job() -> None:
    retrain()


def warm_job() -> None:
    """Fit (or read back) the active model as soon as a worker starts, not at the first ticket
    filed without a category: that request would wait for the fit (1-10 s on a small machine).
    The embedded worker warms the hub process itself; a separate worker leaves the fitted
    artefact in VAR_DIR for the hub processes to read (milliseconds)."""
    warm()


JOBS = (
    Job("triage.warm", 3600, warm_job),
    Job("triage.retrain", settings.TRIAGE_RETRAIN_PERIOD_SECONDS, retrain_job),
)
