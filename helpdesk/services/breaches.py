"""The SLA job: find the tickets whose running clock passed a target, mark the breach on the
ticket and its timeline, and tell the assignee and the team through notifications."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import User
from accounts.services import record_audit
from helpdesk import sla
from helpdesk.choices import RUNNING
from helpdesk.models import Ticket
from helpdesk.services import log_event
from helpdesk.services.live import publish_change
from notifications.choices import Severity
from notifications.services import Recipients, send

BATCH = 200


def _recipients(ticket: Ticket) -> Recipients:
    users = [ticket.assigned_to_id] if ticket.assigned_to_id else []
    teams = [ticket.team_id] if ticket.team_id else []
    if not users and not teams:
        # Nobody owns it yet: every active support agent hears of it; a hub with no support
        # role at all (operators and admins work its tickets) tells its admins.
        for role in ("support", "admin"):
            users = list(User.objects.filter(role=role, is_active=True).order_by("pk").values_list("pk", flat=True))
            if users:
                break
    return Recipients(users=users, teams=teams)


def check_breaches() -> list[int]:
    """One pass: returns the tickets that breached a target in it."""
    now = timezone.now()
    actor = Actor.system("helpdesk.sla", via="worker")
    due = Q(first_response_at__isnull=True, first_response_breached_at__isnull=True, first_response_due__lte=now) | Q(
        resolution_breached_at__isnull=True, resolution_due__lte=now
    )
    breached: list[int] = []
    with transaction.atomic():
        tickets = (
            Ticket.objects.select_for_update(skip_locked=True)
            .filter(due, status__in=RUNNING, paused_at__isnull=True)
            .order_by("pk")[:BATCH]
        )
        for ticket in tickets:
            missed = sla.breaches(ticket, now)
            if not missed:
                continue
            ticket.save(update_fields=["first_response_breached_at", "resolution_breached_at", "sla_state"])
            log_event(ticket, actor, "sla_breached", {"targets": missed}, internal=True)
            record_audit("ticket.sla_breached", actor=actor, target=ticket, details={"targets": missed})
            recipients = _recipients(ticket)
            if recipients:
                targets = " and ".join(t.replace("_", " ") for t in missed)
                send(
                    actor,
                    type="ticket.sla_breached",
                    subject=f"SLA breached on ticket #{ticket.pk}: {ticket.title}"[:200],
                    content=f"Ticket #{ticket.pk} ({ticket.priority}) missed its {targets} target.",
                    recipients=recipients,
                    severity=Severity.CRITICAL if ticket.priority == "critical" else Severity.WARNING,
                    data={"ticket_id": ticket.pk, "targets": missed},
                    format="text",
                )
            publish_change(ticket, "sla_breached", internal=True)
            breached.append(ticket.pk)
    return breached
