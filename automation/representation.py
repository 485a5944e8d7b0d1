"""A run as webhooks and chat carry it (the REST shape, flat)."""

from __future__ import annotations

from automation.events import PlaybookRunData
from automation.models import PlaybookRun
from chatops.times import iso


def run_data(run: PlaybookRun) -> PlaybookRunData:
    return PlaybookRunData(
        execution_id=run.pk,
        playbook=run.playbook,
        status=run.status,
        reason=run.reason,
        hosts=list(run.hosts),
        skipped_hosts=list(run.skipped_hosts),
        check=run.check_mode,
        requested_by=run.requested_by.username if run.requested_by else None,
        started_at=iso(run.started_at),
        finished_at=iso(run.finished_at),
        duration=run.duration,
        tasks_total=run.tasks_total,
        tasks_successful=run.tasks_successful,
        tasks_failed=run.tasks_failed,
        host_stats=dict(run.host_stats),
    )
