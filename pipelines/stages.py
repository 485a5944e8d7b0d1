"""Stages derived from jobs: GitLab sends stage names only, so a stage's status and times are
those of its builds; elsewhere each job is its own stage."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypedDict

from pipelines.choices import RunStatus
from pipelines.models import Job


class Stage(TypedDict):
    name: str
    status: str
    duration: float | None
    started_at: datetime | None
    finished_at: datetime | None


def stage_status(statuses: list[tuple[str, bool]]) -> str:
    """``(status, allow_failure)`` of a stage's jobs -> the stage's status, as GitLab shows it."""
    plain = [status for status, _ in statuses]
    if RunStatus.RUNNING in plain:
        return RunStatus.RUNNING
    if any(status == RunStatus.FAILED and not allowed for status, allowed in statuses):
        return RunStatus.FAILED
    if RunStatus.QUEUED in plain:
        return RunStatus.RUNNING if any(s != RunStatus.QUEUED for s in plain) else RunStatus.QUEUED
    if RunStatus.CANCELED in plain:
        return RunStatus.CANCELED
    if all(status == RunStatus.SKIPPED for status in plain):
        return RunStatus.SKIPPED
    return RunStatus.SUCCESS


def derive(jobs: Iterable[Job], order: list[str]) -> list[Stage]:
    groups: dict[str, list[Job]] = {}
    for job in jobs:
        groups.setdefault(job.stage, []).append(job)
    stages: list[Stage] = []
    for name, members in groups.items():
        status = stage_status([(job.status, job.allow_failure) for job in members])
        started = min((job.started_at for job in members if job.started_at), default=None)
        done = status not in (RunStatus.RUNNING, RunStatus.QUEUED)
        finished = max((job.finished_at for job in members if job.finished_at), default=None) if done else None
        duration = (finished - started).total_seconds() if started and finished else None
        stages.append(
            {"name": name, "status": status, "duration": duration, "started_at": started, "finished_at": finished}
        )

    def position(stage: Stage) -> tuple[int, float, str]:
        # The provider's order first; the rest by when they started, then by name.
        index = order.index(stage["name"]) if stage["name"] in order else len(order)
        started = stage["started_at"].timestamp() if stage["started_at"] else float("inf")
        return (index, started, stage["name"])

    return sorted(stages, key=position)
