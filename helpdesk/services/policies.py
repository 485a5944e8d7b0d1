"""The helpdesk's settings an admin changes over REST: the SLA policy of each priority and the
team (and strategy) each category is routed to. Each change is audited.

A policy change applies to a ticket at its next priority change or pause (``helpdesk.sla``);
a route change to the next ticket opened or recategorised into its category. Tickets already
assigned keep their assignee."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.actor import Actor
from accounts.services import record_audit
from chatops.db import conflicts_as_409
from helpdesk.models import CategoryRoute, SLAPolicy


def _audit(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.pk if hasattr(v, "pk") else v) for k, v in sorted(fields.items())}


def _changed(instance: Any, fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if getattr(instance, k) != v}


# --- SLA policies ---------------------------------------------------------------------------------


def create_policy(actor: Actor, **fields: Any) -> SLAPolicy:
    """A policy for a priority that has none (another for the same priority: 409)."""
    with conflicts_as_409(SLAPolicy.objects.all(), {"priority": fields.get("priority")}, "SLA policy"):
        policy = SLAPolicy.objects.create(**fields)
        record_audit("sla_policy.created", actor=actor, target=policy, details=_audit(fields))
    return policy


def update_policy(actor: Actor, policy: SLAPolicy, **fields: Any) -> SLAPolicy:
    unique = {"priority": fields["priority"]} if "priority" in fields else {}
    with conflicts_as_409(SLAPolicy.objects.all(), unique, "SLA policy", exclude_pk=policy.pk):
        policy = SLAPolicy.objects.select_for_update().get(pk=policy.pk)
        changed = _changed(policy, fields)
        for key, value in fields.items():
            setattr(policy, key, value)
        policy.save()
        record_audit("sla_policy.updated", actor=actor, target=policy, details=_audit(changed))
    return policy


def delete_policy(actor: Actor, policy: SLAPolicy) -> None:
    """Tickets of its priority opened from now on have no SLA; the running ones keep their due
    times until their next priority change."""
    with transaction.atomic():
        record_audit("sla_policy.deleted", actor=actor, target=policy, details={"priority": policy.priority})
        policy.delete()


# --- Category routes ------------------------------------------------------------------------------


def create_route(actor: Actor, **fields: Any) -> CategoryRoute:
    """A category's team (another route for the same category: 409)."""
    with conflicts_as_409(CategoryRoute.objects.all(), {"category": fields.get("category")}, "category route"):
        route = CategoryRoute.objects.create(**fields)
        record_audit("category_route.created", actor=actor, target=route, details=_audit(fields))
    return route


def update_route(actor: Actor, route: CategoryRoute, **fields: Any) -> CategoryRoute:
    """A new team or strategy starts its round robin afresh."""
    unique = {"category": fields["category"]} if "category" in fields else {}
    with conflicts_as_409(CategoryRoute.objects.all(), unique, "category route", exclude_pk=route.pk):
        route = CategoryRoute.objects.select_for_update().get(pk=route.pk)
        changed = _changed(route, fields)
        for key, value in fields.items():
            setattr(route, key, value)
        if changed.keys() & {"team", "strategy"}:
            route.last_assigned = None
        route.save()
        record_audit("category_route.updated", actor=actor, target=route, details=_audit(changed))
    return route


def delete_route(actor: Actor, route: CategoryRoute) -> None:
    """The category's new tickets stay unassigned (in the queue) until it has a route again."""
    with transaction.atomic():
        record_audit("category_route.deleted", actor=actor, target=route, details={"category": route.category})
        route.delete()
