"""Who works a ticket: the team routed for its category, and in it the least-loaded member or
the next one round the table (Zammad #854). Only active support staff are candidates."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from accounts.choices import ROLE_RANK, Role
from accounts.models import User
from helpdesk.choices import ACTIVE, Strategy
from helpdesk.models import CategoryRoute, Ticket

STAFF_ROLES = [role for role in Role if ROLE_RANK[role] >= ROLE_RANK[Role.SUPPORT]]


def candidates(route: CategoryRoute, *, excluding: Any = None) -> list[User]:
    """The team's active members who may work tickets, in a stable order (by id)."""
    members = route.team.members.filter(is_active=True, role__in=STAFF_ROLES).order_by("pk")
    if excluding is not None:
        members = members.exclude(pk=excluding.pk)
    return list(members)


def choose(route: CategoryRoute, *, excluding: Any = None) -> User | None:
    """The member the next ticket of the route's category goes to (None: nobody can take it).
    The route's row is locked by the caller, so two tickets at once take turns."""
    people = candidates(route, excluding=excluding)
    if not people:
        return None
    if route.strategy == Strategy.ROUND_ROBIN:
        after = route.last_assigned_id or 0
        return next((p for p in people if p.pk > after), people[0])
    load = dict(
        User.objects.filter(pk__in=[p.pk for p in people])
        .annotate(open=Count("tickets_assigned", filter=Q(tickets_assigned__status__in=ACTIVE)))
        .values_list("pk", "open")
    )
    return min(people, key=lambda p: (load.get(p.pk, 0), p.pk))


def route_for(category: str, *, lock: bool = False) -> CategoryRoute | None:
    routes = CategoryRoute.objects.select_related("team")
    if lock:
        routes = routes.select_for_update(of=("self",))
    return routes.filter(category=category).first()


def auto_assignee(ticket: Ticket, *, excluding: Any = None) -> User | None:
    """Pick (and remember, for round robin) the assignee of ``ticket`` by its category's route;
    sets the ticket's team (also for a route with ``auto_assign`` off, which picks nobody: the
    team's members take its tickets from the queue). Call inside a transaction."""
    route = route_for(ticket.category, lock=True)
    if route is None:
        return None
    ticket.team = route.team
    if not route.auto_assign:
        return None
    chosen = choose(route, excluding=excluding)
    if chosen is not None and route.strategy == Strategy.ROUND_ROBIN:
        route.last_assigned = chosen
        route.save(update_fields=["last_assigned"])
    return chosen
