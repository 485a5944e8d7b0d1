"""Pushing ticket changes after commit: to the ticket's watchers (nothing internal) and to the
support staff (everything)."""

from __future__ import annotations

from chatops.realtime import publish_after_commit
from helpdesk.events import STAFF_GROUP, TicketChanged, ticket_group, ticket_staff_group
from helpdesk.models import Ticket


def publish_change(ticket: Ticket, change: str, *, internal: bool = False, event_id: int | None = None) -> None:
    event: TicketChanged = {
        "type": "ticket.changed",
        "ticket_id": ticket.pk,
        "change": change,
        "status": ticket.status,
        "priority": ticket.priority,
        "assigned_to": ticket.assigned_to_id,
        "internal": internal,
        "event_id": event_id,
    }
    messages: list[tuple[str, TicketChanged]] = [(STAFF_GROUP, event), (ticket_staff_group(ticket.pk), event)]
    if not internal:
        messages.append((ticket_group(ticket.pk), event))
    publish_after_commit(messages)
