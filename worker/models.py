"""When each periodic job last ran and may run next: the claim several workers share."""

from __future__ import annotations

from django.db import models


class JobState(models.Model):
    """One periodic job. A worker claims it by moving ``next_run_at`` forward inside a
    ``SELECT … FOR UPDATE SKIP LOCKED`` transaction, so each run happens in one worker only."""

    name = models.CharField(max_length=64, primary_key=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_result = models.JSONField(default=dict, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.name
