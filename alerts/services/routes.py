"""Routes and escalation policies, changed by an admin (``Actor``), each change audited. What
they do is ``alerts.services.routing``'s."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max

from accounts.actor import Actor
from accounts.models import Team, User
from accounts.services import record_audit
from alerts.models import Threshold
from alerts.routing_models import AlertRoute, EscalationPolicy
from alerts.services.notices import CHAT_ROOM
from chatops.api.exceptions import Conflict
from chatops.db import conflicts_as_409
from notifications import targets
from notifications.models import NotificationChannel

RECEIVERS = ("users", "teams", "channels", "chat_rooms")


class PolicyInUse(Conflict):
    default_detail = "The escalation policy is used by routes."
    default_code = "policy_in_use"


def receiver_problems(spec: Mapping[str, Sequence[int]]) -> dict[str, str]:
    """Receivers that do not exist, by field (empty: all do)."""

    def missing(ids: Sequence[int], found: Sequence[int]) -> list[int]:
        return sorted(set(ids) - set(found))

    problems: dict[str, str] = {}
    checks: dict[str, tuple[str, list[int]]] = {}
    if spec.get("users"):
        users = User.objects.filter(pk__in=spec["users"], is_active=True).values_list("pk", flat=True)
        checks["users"] = ("active user", missing(spec["users"], list(users)))
    if spec.get("teams"):
        checks["teams"] = (
            "team",
            missing(spec["teams"], list(Team.objects.filter(pk__in=spec["teams"]).values_list("pk", flat=True))),
        )
    if spec.get("channels"):
        channels = NotificationChannel.objects.filter(pk__in=spec["channels"]).values_list("pk", flat=True)
        checks["channels"] = ("notification channel", missing(spec["channels"], list(channels)))
    for field, (noun, absent) in checks.items():
        if absent:
            problems[field] = f"No {noun} with id {', '.join(map(str, absent))}."
    rooms = list(spec.get("chat_rooms") or [])
    if rooms:
        room_target = targets.target(CHAT_ROOM)
        if room_target is None:
            problems["chat_rooms"] = "Chat rooms are not available on this hub."
        else:
            absent = [r for r in dict.fromkeys(rooms) if not room_target.exists(r)]
            if absent:
                problems["chat_rooms"] = f"No active chat room with id {', '.join(map(str, absent))}."
    return problems


def threshold_problem(ids: Sequence[int]) -> str | None:
    absent = sorted(set(ids) - set(Threshold.objects.filter(pk__in=ids).values_list("pk", flat=True)))
    return f"No threshold with id {', '.join(map(str, absent))}." if absent else None


def _audit(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.pk if hasattr(v, "pk") else v) for k, v in sorted(fields.items())}


def _unique(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": fields["name"]} if "name" in fields else {}


# --- Routes -------------------------------------------------------------------------------------


def create_route(actor: Actor, **fields: Any) -> AlertRoute:
    """A new route; without a position, it goes last."""
    with conflicts_as_409(AlertRoute.objects.all(), _unique(fields), "route"):
        if fields.get("position") is None:
            last = AlertRoute.objects.aggregate(last=Max("position"))["last"]
            fields["position"] = 0 if last is None else last + 1
        route = AlertRoute.objects.create(created_by=actor.user, **fields)
        record_audit("alert_route.created", actor=actor, target=route, details=_audit(fields))
    return route


def update_route(actor: Actor, route: AlertRoute, **fields: Any) -> AlertRoute:
    """Change a route. Alerts already in its groups stay there; a disabled route's groups are
    dropped at their next flush (nothing more is sent for them)."""
    with conflicts_as_409(AlertRoute.objects.all(), _unique(fields), "route", exclude_pk=route.pk):
        route = AlertRoute.objects.select_for_update().get(pk=route.pk)
        changed = {k: v for k, v in fields.items() if getattr(route, k) != v}
        for key, value in changed.items():
            setattr(route, key, value)
        route.save()
        record_audit("alert_route.updated", actor=actor, target=route, details=_audit(changed))
    return route


def delete_route(actor: Actor, route: AlertRoute) -> None:
    with transaction.atomic():
        record_audit("alert_route.deleted", actor=actor, target=route, details={"name": route.name})
        route.delete()


# --- Escalation policies ------------------------------------------------------------------------


def create_policy(actor: Actor, **fields: Any) -> EscalationPolicy:
    with conflicts_as_409(EscalationPolicy.objects.all(), _unique(fields), "escalation policy"):
        policy = EscalationPolicy.objects.create(created_by=actor.user, **fields)
        record_audit("escalation_policy.created", actor=actor, target=policy, details=_audit(fields))
    return policy


def update_policy(actor: Actor, policy: EscalationPolicy, **fields: Any) -> EscalationPolicy:
    """Change a policy. Alerts being escalated take its new steps from the one they reached."""
    with conflicts_as_409(EscalationPolicy.objects.all(), _unique(fields), "escalation policy", exclude_pk=policy.pk):
        policy = EscalationPolicy.objects.select_for_update().get(pk=policy.pk)
        changed = {k: v for k, v in fields.items() if getattr(policy, k) != v}
        for key, value in changed.items():
            setattr(policy, key, value)
        policy.save()
        record_audit("escalation_policy.updated", actor=actor, target=policy, details=_audit(changed))
    return policy


def delete_policy(actor: Actor, policy: EscalationPolicy) -> None:
    """Refused (409) while a route uses it: detach it from the routes first."""
    with transaction.atomic():
        used = list(policy.routes.order_by("position").values_list("name", flat=True))
        if used:
            raise PolicyInUse(f"The escalation policy is used by the routes: {', '.join(used)}.")
        record_audit("escalation_policy.deleted", actor=actor, target=policy, details={"name": policy.name})
        policy.delete()
