"""The writes of the helpdesk, each taking an ``Actor``: open, change, comment on, assign and
delete tickets. Every change leaves a timeline entry and an audit entry, and is pushed live
after commit (``helpdesk.events``)."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import User
from accounts.services import record_audit
from chatops.api.exceptions import Conflict
from helpdesk import assignment, categorise, sla
from helpdesk.choices import ACTIVE, TRANSITIONS, Priority, Source, Status
from helpdesk.models import Ticket, TicketComment, TicketEvent, is_staff
from helpdesk.services.live import publish_change

__all__ = [
    "add_comment",
    "assign",
    "delete_ticket",
    "open_ticket",
    "reassign_from",
    "update_ticket",
    "visible_ticket",
]

REQUESTER_FIELDS = frozenset({"title", "description", "status"})


def _staff(actor: Actor) -> bool:
    return actor.is_system or is_staff(actor.user)


def visible_ticket(actor: Actor, ticket_id: int, *, lock: bool = False) -> Ticket:
    """The one lookup of a ticket: 404 for what the actor may not see."""
    tickets = Ticket.objects.all() if actor.is_system else Ticket.objects.visible_to(actor.user)
    if lock:
        tickets = tickets.select_for_update(of=("self",))
    ticket = tickets.filter(pk=ticket_id).first()
    if ticket is None:
        raise NotFound("No such ticket.")
    return ticket


def log_event(
    ticket: Ticket, actor: Actor, kind: str, details: dict[str, Any] | None = None, *, internal: bool = False
) -> TicketEvent:
    return TicketEvent.objects.create(
        ticket=ticket,
        actor=actor.user,
        kind=kind,
        details=details or {},
        internal=internal,
        created_at=timezone.now(),
    )


def open_ticket(
    actor: Actor,
    *,
    title: str,
    description: str,
    category: str | None = None,
    priority: str | None = None,
    source: str = "api",
    requester: Any = None,
) -> Ticket:
    """Open a ticket. Without a category the classifier files it (``auto_categorized``, its
    calibrated ``confidence_score``; below the threshold: ``other`` and ``needs_review``), and
    suggests the priority when none is given. The requester is the actor, unless support
    staff (or the hub) open it for someone else. The category's team may assign it at once."""
    if actor.user is None and not actor.is_system:
        raise PermissionDenied("Sign in to open a ticket.")
    if source not in Source.values:
        raise ValidationError({"source": f"One of {', '.join(Source.values)}."})
    if requester is not None and requester != actor.user and not _staff(actor):
        raise PermissionDenied("Only support staff may open a ticket for someone else.")
    owner = requester if requester is not None else actor.user
    now = timezone.now()
    fields: dict[str, Any] = {"auto_categorized": False, "confidence_score": None, "needs_review": False}
    if category is None:
        guess = categorise.guess(title, description)
        category = guess.category
        fields.update(auto_categorized=True, confidence_score=guess.confidence, needs_review=guess.needs_review)
        if priority is None and guess.priority is not None:
            priority = guess.priority
    with transaction.atomic():
        ticket = Ticket(
            title=title[:200],
            description=description,
            category=category,
            priority=priority or Priority.MEDIUM,
            source=source,
            created_by=owner,
            created_at=now,
            updated_at=now,
            **fields,
        )
        sla.apply_policy(ticket, now)
        assignee = assignment.auto_assignee(ticket)
        ticket.assigned_to = assignee
        ticket.save()
        if owner is not None:
            ticket.watchers.add(owner)
        log_event(
            ticket,
            actor,
            "created",
            {
                "source": source,
                "category": ticket.category,
                "priority": ticket.priority,
                "auto_categorized": ticket.auto_categorized,
                "confidence_score": ticket.confidence_score,
            },
        )
        if assignee is not None:
            log_event(ticket, actor, "assigned", {"to": assignee.pk, "auto": True, "team": ticket.team_id})
        record_audit("ticket.opened", actor=actor, target=ticket, details={"source": source})
        publish_change(ticket, "created")
    return ticket


def _check_assignee(user: Any) -> User:
    if not isinstance(user, User) or not user.is_active or not user.has_role(Role.SUPPORT):
        raise ValidationError({"assigned_to": "Assign to an active support, operator or admin account."})
    return user


def _reopen_window() -> timedelta:
    return timedelta(days=settings.HELPDESK_REOPEN_DAYS)


def _check_transition(actor: Actor, ticket: Ticket, to: str) -> None:
    if to not in TRANSITIONS[ticket.status]:
        raise Conflict(f"A {ticket.status} ticket cannot become {to}.", code="invalid_transition")
    if _staff(actor):
        return
    # The requester: cancel an unfinished ticket, reopen a resolved one within the window, or
    # confirm it (closed).
    if to == Status.CANCELLED and ticket.status in ACTIVE:
        return
    if ticket.status == Status.RESOLVED and to == Status.CLOSED:
        return
    if ticket.status == Status.RESOLVED and to == Status.OPEN:
        if ticket.resolved_at is not None and timezone.now() - ticket.resolved_at > _reopen_window():
            raise Conflict(
                f"Resolved more than {settings.HELPDESK_REOPEN_DAYS} days ago: open a new ticket.",
                code="reopen_window_passed",
            )
        return
    raise PermissionDenied("Only support staff may move a ticket to that status.")


def _set_status(ticket: Ticket, to: str) -> None:
    now = timezone.now()
    before = ticket.status
    ticket.status = to
    if to == Status.RESOLVED:
        ticket.resolved_at = now
    elif to in (Status.OPEN, Status.IN_PROGRESS, Status.PENDING):
        ticket.resolved_at = None  # reopened: not resolved any more
    if to in (Status.CLOSED, Status.CANCELLED):
        ticket.closed_at = now
    sla.status_changed(ticket, before, now)


def update_ticket(actor: Actor, ticket: Ticket, **changes: Any) -> Ticket:
    """Change a ticket's fields (the seed's ``PUT``). Requesters change the title and the
    description of their own, and the status as ``_check_transition`` allows; support staff
    everything. A support change of category becomes a classifier label."""
    if not _staff(actor):
        refused = sorted(set(changes) - REQUESTER_FIELDS)
        if refused:
            raise PermissionDenied(f"Only support staff may change {', '.join(refused)}.")
    with transaction.atomic():
        ticket = visible_ticket(actor, ticket.pk, lock=True)
        now = timezone.now()
        changed: list[str] = []
        if "status" in changes and changes["status"] != ticket.status:
            _check_transition(actor, ticket, changes["status"])
        for name in ("title", "description"):
            if name in changes and changes[name] != getattr(ticket, name):
                log_event(ticket, actor, "updated", {"field": name})
                setattr(ticket, name, changes[name])
                changed.append(name)
        if "category" in changes and changes["category"] != ticket.category:
            log_event(ticket, actor, "category", {"from": ticket.category, "to": changes["category"]})
            ticket.category = changes["category"]
            ticket.auto_categorized = False
            ticket.needs_review = False
            changed.append("category")
            transaction.on_commit(partial(categorise.record_label, ticket.title, ticket.description, ticket.category))
        elif changes.get("category") == ticket.category and ticket.needs_review and _staff(actor):
            ticket.needs_review = False  # confirmed as it was
            log_event(ticket, actor, "category", {"from": ticket.category, "to": ticket.category, "confirmed": True})
            changed.append("needs_review")
        if "priority" in changes and changes["priority"] != ticket.priority:
            log_event(ticket, actor, "priority", {"from": ticket.priority, "to": changes["priority"]})
            ticket.priority = changes["priority"]
            sla.apply_policy(ticket, now)  # new targets, the paused time kept
            changed.append("priority")
        if "status" in changes and changes["status"] != ticket.status:
            log_event(ticket, actor, "status", {"from": ticket.status, "to": changes["status"]})
            _set_status(ticket, changes["status"])
            changed.append("status")
        if "assigned_to" in changes and changes["assigned_to"] != ticket.assigned_to:
            _assign(actor, ticket, changes["assigned_to"])
            changed.append("assigned_to")
        elif "category" in changed and ticket.assigned_to_id is None and ticket.status in ACTIVE:
            # Filed again (a ticket the classifier left under "other", say): the new category's
            # route takes it, as it would have a new ticket of that category.
            chosen = assignment.auto_assignee(ticket)
            if chosen is not None:
                _assign(actor, ticket, chosen, auto=True)
                changed.append("assigned_to")
        if changed:
            ticket.updated_at = now
            ticket.save()
            record_audit("ticket.updated", actor=actor, target=ticket, details={"fields": changed})
            publish_change(ticket, "updated")
    if "status" in changed and ticket.status == Status.IN_PROGRESS and ticket.alert_id is not None:
        from helpdesk.services.incidents import acknowledge_alert_of

        acknowledge_alert_of(actor, ticket)  # taking the incident acknowledges its alert
    return ticket


def _assign(actor: Actor, ticket: Ticket, user: Any, *, auto: bool = False) -> None:
    if user is not None:
        _check_assignee(user)
    log_event(
        ticket,
        actor,
        "assigned",
        {"from": ticket.assigned_to_id, "to": user.pk if user is not None else None, "auto": auto},
    )
    ticket.assigned_to = user
    if user is not None:
        ticket.watchers.add(user)


def assign(actor: Actor, ticket: Ticket, user: Any) -> Ticket:
    """Assign by hand (support staff), or ``user=None`` to unassign."""
    return update_ticket(actor, ticket, assigned_to=user)


def reassign_from(user: Any) -> list[int]:
    """The deactivated ``user``'s unfinished tickets go to another member of their category's
    team (or back to the queue, unassigned). Returns the tickets moved."""
    actor = Actor.system("helpdesk", via="worker")
    moved: list[int] = []
    with transaction.atomic():
        for ticket in Ticket.objects.select_for_update().filter(assigned_to=user, status__in=ACTIVE):
            successor = assignment.auto_assignee(ticket, excluding=user)
            log_event(
                ticket,
                actor,
                "assigned",
                {"from": user.pk, "to": successor.pk if successor else None, "auto": True, "reason": "deactivated"},
            )
            ticket.assigned_to = successor
            ticket.updated_at = timezone.now()
            ticket.save(update_fields=["assigned_to", "team", "updated_at"])
            if successor is not None:
                ticket.watchers.add(successor)
            publish_change(ticket, "assigned")
            moved.append(ticket.pk)
    return moved


def add_comment(actor: Actor, ticket: Ticket, *, body: str, internal: bool = False) -> TicketComment:
    """A public reply or an internal note. Support staff's first public reply is the first
    response; the requester's reply to a ticket waiting on them puts it back in the queue."""
    if internal and not _staff(actor):
        raise PermissionDenied("Only support staff may write internal notes.")
    with transaction.atomic():
        ticket = visible_ticket(actor, ticket.pk, lock=True)
        if ticket.status in (Status.CLOSED, Status.CANCELLED):
            raise Conflict(f"The ticket is {ticket.status}.", code="ticket_closed")
        now = timezone.now()
        comment = TicketComment.objects.create(
            ticket=ticket, author=actor.user, body=body, internal=internal, created_at=now
        )
        event = log_event(ticket, actor, "comment", {"comment_id": comment.pk}, internal=internal)
        by_requester = actor.user is not None and actor.user.pk == ticket.created_by_id
        if not internal and not by_requester and _staff(actor) and ticket.first_response_at is None:
            ticket.first_response_at = now
            log_event(ticket, actor, "first_response", {"comment_id": comment.pk})
        if by_requester and ticket.status == Status.PENDING:
            log_event(
                ticket, actor, "status", {"from": ticket.status, "to": Status.OPEN, "reason": "requester replied"}
            )
            _set_status(ticket, Status.OPEN)
        sla.refresh_state(ticket, now)
        ticket.updated_at = now
        ticket.save()
        record_audit("ticket.commented", actor=actor, target=ticket, details={"internal": internal})
        publish_change(ticket, "commented", internal=internal, event_id=event.pk)
    return comment


def delete_ticket(actor: Actor, ticket: Ticket) -> None:
    """Admins only (the seed's rule)."""
    if not actor.has_role(Role.ADMIN):
        raise PermissionDenied("Only admins may delete tickets.")
    with transaction.atomic():
        ticket = visible_ticket(actor, ticket.pk, lock=True)
        record_audit("ticket.deleted", actor=actor, target=ticket, details={"title": ticket.title[:100]})
        publish_change(ticket, "deleted")
        ticket.delete()
