"""The vocabularies of the pipelines app: providers, verdicts, and the statuses every provider's
own words are mapped onto."""

from __future__ import annotations

from django.db import models


class Provider(models.TextChoices):
    GITHUB = "github", "GitHub"
    GITLAB = "gitlab", "GitLab"
    GENERIC = "generic", "Generic (signed JSON, CDEvents)"


class Verdict(models.TextChoices):
    """What the hub made of one delivery: the first thing to look at when nothing shows up."""

    ACCEPTED = "accepted", "Accepted"
    DUPLICATE = "duplicate", "Duplicate (already received)"
    BAD_SIGNATURE = "bad_signature", "Bad signature"
    UNKNOWN_EVENT = "unknown_event", "Unknown event"
    INVALID = "invalid", "Invalid payload"
    FILTERED = "filtered", "Repository not in the integration's filter"


class RunStatus(models.TextChoices):
    """A pipeline's, a stage's or a job's status, whatever the provider calls it."""

    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCESS = "success", "Succeeded"
    FAILED = "failed", "Failed"
    CANCELED = "canceled", "Canceled"
    SKIPPED = "skipped", "Skipped"


class DeploymentStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCESS = "success", "Succeeded"
    FAILED = "failed", "Failed"
    CANCELED = "canceled", "Canceled"
    ROLLED_BACK = "rolled_back", "Rolled back"


TERMINAL_RUN = {RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.CANCELED, RunStatus.SKIPPED}
TERMINAL_DEPLOYMENT = {
    DeploymentStatus.SUCCESS,
    DeploymentStatus.FAILED,
    DeploymentStatus.CANCELED,
    DeploymentStatus.ROLLED_BACK,
}


def rank(status: str) -> int:
    """How far along a run or deployment is: queued 0, running 1, finished 2. A delivery only
    moves a record forward (or sideways, by a later timestamp), so order does not matter."""
    if status in (RunStatus.QUEUED, DeploymentStatus.QUEUED):
        return 0
    if status in (RunStatus.RUNNING, DeploymentStatus.RUNNING):
        return 1
    return 2
