"""The automation app's events: what its socket and webhooks carry, and its group names."""

from __future__ import annotations

from typing import Literal, TypedDict


class PlaybookOutputEvent(TypedDict):
    """``ansible.output``: one runner event's text (a task started, a host's result, the recap)."""

    type: Literal["ansible.output"]
    execution_id: int
    counter: int
    event: str
    host: str | None
    task: str | None
    stdout: str


class PlaybookStatusEvent(TypedDict):
    """``ansible.status``: the run started, or ended (with its stats)."""

    type: Literal["ansible.status"]
    execution_id: int
    status: str
    reason: str
    tasks_total: int
    tasks_successful: int
    tasks_failed: int
    host_stats: dict[str, dict[str, int]]


class PlaybookRunData(TypedDict):
    """``playbook.completed`` / ``playbook.failed``: a run ended (``failed`` also covers a
    run cancelled, timed out or lost)."""

    execution_id: int
    playbook: str
    status: str
    reason: str
    hosts: list[str]
    skipped_hosts: list[dict[str, str]]
    check: bool
    requested_by: str | None
    started_at: str | None
    finished_at: str | None
    duration: float | None
    tasks_total: int
    tasks_successful: int
    tasks_failed: int
    host_stats: dict[str, dict[str, int]]


def ansible_group(execution_id: int) -> str:
    """Whoever follows one run: ``ansible.output`` and ``ansible.status``."""
    return f"ansible.{execution_id}"
