"""Playbook runs, whichever way they are asked for (REST, chat, the dashboard, an approval):
``execute_playbook`` checks, gates and records a run for the worker to carry out
(``automation.runner``); ``cancel_run`` stops one; ``finish_run`` records how one ended, with
its webhook, chat post and status event. Each takes an ``Actor`` where a person acts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from approvals.services import gate
from automation import inventory, playbooks
from automation.choices import RunStatus
from automation.events import PlaybookStatusEvent, ansible_group
from automation.models import PlaybookRun
from automation.representation import run_data
from chatops.api.exceptions import Conflict
from chatops.realtime import publish_after_commit
from webhooks.services import enqueue

logger = logging.getLogger(__name__)

WRITE_SCOPE = "playbooks:write"


def require_operator(actor: Actor) -> None:
    """Operators and admins run and cancel playbooks (an API key also needs ``playbooks:write``)."""
    if not actor.has_role(Role.OPERATOR):
        raise PermissionDenied("Only operators and admins may run playbooks.")
    if actor.api_key is not None and not actor.api_key.allows(WRITE_SCOPE):
        raise PermissionDenied(f"This API key lacks the scope {WRITE_SCOPE!r}.", code="insufficient_scope")


@dataclass(frozen=True)
class RunRequest:
    """What a run is asked with (REST body, chat arguments, an approval's payload)."""

    playbook: str
    hosts: Sequence[str]
    variables: dict[str, Any]
    check: bool = False
    limit: str = ""
    tags: Sequence[str] = ()

    def payload(self) -> dict[str, Any]:
        return {
            "playbook": self.playbook,
            "hosts": list(self.hosts),
            "variables": self.variables,
            "check": self.check,
            "limit": self.limit,
            "tags": list(self.tags),
        }


def execute_playbook(actor: Actor, asked: RunRequest, *, approved: bool = False) -> PlaybookRun:
    """Record a run of ``asked.playbook`` on the hosts it names among those ``actor`` sees, for
    the worker to start. Refused: a viewer (403), an unknown playbook (404), an unreadable one
    or no host left to run on (409), undeclared or invalid variables and unknown hosts (400).
    When the ``playbook`` approval policy asks for a second person, an operator's request
    raises ``ApprovalPending`` instead (``approved``: the approvals executor running it)."""
    require_operator(actor)
    playbook = playbooks.find(asked.playbook)
    if playbook is None:
        raise NotFound(f"No playbook {asked.playbook!r} in the playbook directory.")
    if playbook.error:
        raise Conflict(f"The playbook cannot run: {playbook.error}", code="playbook_invalid")
    try:
        variables = playbooks.validate_variables(playbook, dict(asked.variables))
    except ValueError as exc:
        raise ValidationError({"variables": exc.args[0]}) from None
    try:
        selection = inventory.select(actor, list(asked.hosts))
    except inventory.UnknownHosts as exc:
        names = [f"No server or tag you can see is named {name!r}." for name in exc.names]
        raise ValidationError({"hosts": names}) from None
    if not selection.servers:
        skipped = ", ".join(f"{s['name']} ({s['reason']})" for s in selection.skipped)
        raise Conflict(f"No host to run on: every one named is skipped: {skipped}.", code="no_hosts")
    if not approved:
        hosts = ", ".join(asked.hosts)
        gate(actor, "playbook", asked.payload(), f"Run playbook {playbook.name} on {hosts}"[:500])
    approval = (actor.origin or {}).get("approval")
    with transaction.atomic():
        run = PlaybookRun.objects.create(
            playbook=playbook.name,
            requested_by=actor.user,
            requested_via=actor.via,
            origin=dict(actor.origin or {}),
            approval_id=approval if isinstance(approval, int) else None,
            targets=list(asked.hosts),
            variables=variables,
            check_mode=asked.check,
            limit=asked.limit,
            tags=list(asked.tags),
            hosts=[s.name for s in selection.servers],
            skipped_hosts=selection.skipped,
        )
        run.servers.set(selection.servers)
        record_audit(
            "playbook.run",
            actor=actor,
            target=run,
            details={
                "playbook": playbook.name,
                "hosts": run.hosts,
                "skipped": [s["name"] for s in selection.skipped],
                "variables": sorted(variables),  # names only: values may be sensitive
                "check": asked.check,
                "limit": asked.limit,
                "tags": list(asked.tags),
            },
        )
        publish_after_commit([(ansible_group(run.pk), status_event(run))])
    return run


def cancel_run(actor: Actor, run: PlaybookRun) -> PlaybookRun:
    """Stop a run: one not started yet ends at once; a started one is stopped by its worker
    within a second or so (``cancel_requested``). A run already over is a 409."""
    require_operator(actor)
    with transaction.atomic():
        locked = PlaybookRun.objects.select_for_update().get(pk=run.pk)
        if locked.finished:
            raise Conflict(f"This run is already {locked.status}.", code="not_running")
        record_audit("playbook.cancel", actor=actor, target=locked, details={"playbook": locked.playbook})
        if not locked.claimed_by:
            _finish(locked, RunStatus.CANCELLED, reason=f"Cancelled by {actor.name} before it started.")
            return locked
        locked.cancel_requested = True
        locked.reason = f"Cancelled by {actor.name}."
        locked.save(update_fields=["cancel_requested", "reason"])
    return locked


def status_event(run: PlaybookRun) -> PlaybookStatusEvent:
    return PlaybookStatusEvent(
        type="ansible.status",
        execution_id=run.pk,
        status=run.status,
        reason=run.reason,
        tasks_total=run.tasks_total,
        tasks_successful=run.tasks_successful,
        tasks_failed=run.tasks_failed,
        host_stats=dict(run.host_stats),
    )


def finish_run(run_id: int, status: str, *, reason: str = "", **fields: Any) -> PlaybookRun | None:
    """Record how a run ended (``fields``: rc, output, stats…), once: a run already over is
    left as it is (None). Called by the worker that ran it, or by the reaper for a lost run."""
    with transaction.atomic():
        run = PlaybookRun.objects.select_for_update().filter(pk=run_id, status=RunStatus.RUNNING).first()
        if run is None:
            return None
        for name, value in fields.items():
            setattr(run, name, value)
        if run.cancel_requested and status in (RunStatus.CANCELLED, RunStatus.FAILED):
            status = RunStatus.CANCELLED
        _finish(run, status, reason=reason or run.reason)
    return run


def _finish(run: PlaybookRun, status: str, *, reason: str) -> None:
    """Inside the caller's transaction, on the locked row."""
    run.status = status
    run.reason = reason[:1000] if status != RunStatus.SUCCESSFUL else ""
    run.finished_at = timezone.now()
    run.save()
    enqueue("playbook.completed" if status == RunStatus.SUCCESSFUL else "playbook.failed", dict(run_data(run)))
    publish_after_commit([(ansible_group(run.pk), status_event(run))])
    transaction.on_commit(lambda: _announce(run.pk))


def _announce(run_id: int) -> None:
    """The chat post of a run's end, in the room (and thread) it was asked from."""
    from automation.chat import announce

    try:
        announce(run_id)
    except Exception:
        logger.exception("Could not post the end of playbook run %s in chat", run_id)
