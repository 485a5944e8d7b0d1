"""The automation app's vocabularies."""

from __future__ import annotations

from django.db import models


class RunStatus(models.TextChoices):
    #: Accepted and in progress: waiting for a worker's slot, or running there (``started_at``).
    RUNNING = "running", "Running"
    SUCCESSFUL = "successful", "Successful"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"
    TIMEOUT = "timeout", "Timed out"
    #: Its worker died (a hub or worker restart) before the run ended: the outcome is unknown.
    LOST = "lost", "Lost"


FINISHED = (RunStatus.SUCCESSFUL, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.TIMEOUT, RunStatus.LOST)


class Connection(models.TextChoices):
    """``ansible_connection`` of a host."""

    SSH = "ssh", "SSH"
    LOCAL = "local", "Local (on the worker itself)"
    PARAMIKO = "paramiko", "SSH through paramiko"
