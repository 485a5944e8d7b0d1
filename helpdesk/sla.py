"""The SLA clock, as rules on one ticket (no saving, no publishing: the services do that).

The clock runs while a ticket is ``open`` or ``in_progress`` and stands still otherwise
(``pending``: waiting on the requester; ``resolved``: until it is reopened; closed and
cancelled for good). Every pause is added to ``paused_seconds``, and the due times are
``created_at + target + paused``: changing the priority (or the policy) recomputes the due
times from the new targets and keeps the paused time, so a ticket never loses the pause it
earned (osTicket #3034, GLPI #15605).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from helpdesk.choices import DONE, RUNNING, SLAState
from helpdesk.models import SLAPolicy, Ticket


def policy_for(priority: str) -> SLAPolicy | None:
    return SLAPolicy.objects.filter(priority=priority, enabled=True).first()


def apply_policy(ticket: Ticket, now: datetime) -> None:
    """Set the due times from the policy of the ticket's priority (none: no SLA), keeping the
    time already paused; a target already met or breached stays so."""
    policy = policy_for(ticket.priority)
    if policy is None:
        ticket.first_response_due = ticket.resolution_due = None
    else:
        paused = timedelta(seconds=ticket.paused_seconds)  # the current pause is added when it ends
        ticket.first_response_due = ticket.created_at + timedelta(minutes=policy.first_response_minutes) + paused
        ticket.resolution_due = ticket.created_at + timedelta(minutes=policy.resolution_minutes) + paused
    refresh_state(ticket, now)


def status_changed(ticket: Ticket, before: str, now: datetime) -> None:
    """Stop or restart the clock as the status leaves or enters the running ones."""
    was_running, runs = before in RUNNING, ticket.status in RUNNING
    if was_running and not runs:
        ticket.paused_at = now
    elif runs and not was_running and ticket.paused_at is not None:
        ticket.paused_seconds += int((now - ticket.paused_at).total_seconds())
        ticket.paused_at = None
        _push_back(ticket, now)
    refresh_state(ticket, now)


def _push_back(ticket: Ticket, now: datetime) -> None:
    """After a pause the due times move by the whole paused total (recomputed from the policy
    the ticket has now, so a change of policy during the pause is taken too)."""
    apply_policy(ticket, now)


def due_in(due: datetime | None, ticket: Ticket, now: datetime) -> float | None:
    """Seconds of running clock left until ``due`` (negative: overdue), the pause counted."""
    if due is None:
        return None
    current_pause = now - ticket.paused_at if ticket.paused_at is not None else timedelta(0)
    return (due + current_pause - now).total_seconds()


def refresh_state(ticket: Ticket, now: datetime) -> None:
    """The one-word state shown in lists and analytics."""
    if ticket.first_response_breached_at or ticket.resolution_breached_at:
        ticket.sla_state = SLAState.BREACHED
    elif ticket.resolution_due is None:
        ticket.sla_state = SLAState.NONE
    elif ticket.status in DONE:
        ticket.sla_state = SLAState.MET
    elif ticket.paused_at is not None:
        ticket.sla_state = SLAState.PAUSED
    else:
        ticket.sla_state = SLAState.RUNNING


def breaches(ticket: Ticket, now: datetime) -> list[str]:
    """The targets this ticket has just missed (``first_response``, ``resolution``), marked on
    it; a paused clock misses nothing."""
    if ticket.paused_at is not None or ticket.status not in RUNNING:
        return []
    missed: list[str] = []
    if (
        ticket.first_response_at is None
        and ticket.first_response_breached_at is None
        and ticket.first_response_due is not None
        and ticket.first_response_due <= now
    ):
        ticket.first_response_breached_at = now
        missed.append("first_response")
    if ticket.resolution_breached_at is None and ticket.resolution_due is not None and ticket.resolution_due <= now:
        ticket.resolution_breached_at = now
        missed.append("resolution")
    if missed:
        refresh_state(ticket, now)
    return missed
