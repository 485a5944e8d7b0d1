"""The worker's retraining job: new labels → a candidate model, kept only if not worse."""

from __future__ import annotations

from django.conf import settings

from chatops.registry import Job
from triage.services import retrain


def retrain_job() -> None:
    retrain()


JOBS = (Job("triage.retrain", settings.TRIAGE_RETRAIN_PERIOD_SECONDS, retrain_job),)
