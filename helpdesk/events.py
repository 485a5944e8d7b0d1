"""The helpdesk's live events and their groups.

A ticket's change goes to the ticket's own group (its requester and watchers, who see no
internal note) and, whole, to the support staff's group."""

from __future__ import annotations

from typing import Literal, TypedDict

#: Everything, internal notes included: support, operators, admins.
STAFF_GROUP = "helpdesk.staff"


def ticket_group(ticket_id: int) -> str:
    """The ticket's watchers: its requester and those who follow it."""
    return f"helpdesk.ticket.{ticket_id}"


def ticket_staff_group(ticket_id: int) -> str:
    """Support staff watching one ticket: its internal changes too."""
    return f"helpdesk.ticket.{ticket_id}.staff"


class TicketChanged(TypedDict):
    type: Literal["ticket.changed"]
    ticket_id: int
    #: created, updated, commented, deleted, sla_breached, assigned, incident
    change: str
    status: str
    priority: str
    assigned_to: int | None
    internal: bool
    event_id: int | None
