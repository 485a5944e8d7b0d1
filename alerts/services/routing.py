"""The routing job: alerts into their routes' groups, groups out as notifications, escalation.

Nothing of this runs in the ingest transaction. The ingest path only fires alerts (and lays a
silence on one that a silence matches); ``route_alerts`` (the ``alerts.route`` job, every few
seconds) then, each step in its own short transactions:

1. ``alerts.services.silences.reconcile``: silences that began lay themselves on the open
   alerts they match; alerts whose silence ended are released (and notified);
2. ``intake``: open alerts it has not taken yet go into the groups of the routes that take
   them (``alerts.matchers.routes_for``); a new group waits ``group_wait``;
3. ``flush``: each group that is due is notified once — its firing alerts (and those resolved
   since, with ``send_resolved``) in one notification — if something changed since the last,
   or again after ``repeat_interval`` while any is firing; then it waits ``group_interval``;
4. ``escalate``: alerts notified but still firing unacknowledged take their route's
   escalation policy's next step (one notification per group and step).

Every step takes ``now`` (tests control time); rows are claimed with ``skip_locked`` so a slow
run never blocks ingest or another worker.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from alerts.matchers import Labels, group_key, group_labels, routes_for
from alerts.models import OPEN, Alert, AlertStatus
from alerts.routing_models import AlertGroup, AlertGroupMember, AlertRoute
from alerts.services import silences
from alerts.services.notices import Notice, Reason, send_notice
from alerts.services.silencing import tags_of

#: Alerts taken, groups flushed and escalations handled per transaction.
BATCH = 200
FLUSH_CHUNK = 50


def route_alerts(now: datetime | None = None) -> dict[str, int]:
    """The ``alerts.route`` job (see the module docstring)."""
    now = now or timezone.now()
    counts = silences.reconcile(now)
    counts["routed"] = intake(now)
    counts["notified"] = flush(now)
    counts["escalated"] = escalate(now)
    return counts


# --- Intake -------------------------------------------------------------------------------------


def intake(now: datetime) -> int:
    """Take the open alerts not taken yet into their routes' groups. An alert is routed once,
    by the routes enabled when it is taken (within seconds of firing); with no route, it is
    only marked as taken."""
    taken = 0
    while True:
        with transaction.atomic():
            alerts = list(
                Alert.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("server")
                .filter(routed_at__isnull=True, status__in=OPEN)
                .order_by("id")[:BATCH]
            )
            if not alerts:
                return taken
            routes = list(AlertRoute.objects.filter(enabled=True).order_by("position", "id"))
            if routes:
                _join_groups(alerts, routes, now)
            Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(routed_at=now)
            taken += len(alerts)
        if len(alerts) < BATCH:
            return taken


def _join_groups(alerts: list[Alert], routes: list[AlertRoute], now: datetime) -> None:
    tags = tags_of(a.server_id for a in alerts) if any(r.tags for r in routes) else {}
    groups: dict[tuple[int, str], AlertGroup] = {}
    members: list[AlertGroupMember] = []
    for alert in alerts:
        labels = Labels.of(alert, tags.get(alert.server_id, ()))
        for route in routes_for(routes, labels):
            if not route.has_receivers and route.escalation_policy_id is None:
                continue  # a route to nobody: it takes the alert and sends nothing
            values = group_labels(route, labels)
            key = (route.pk, group_key(values))
            if key not in groups:
                groups[key], _ = AlertGroup.objects.get_or_create(
                    route=route,
                    key=key[1],
                    defaults={
                        "labels": values,
                        "created_at": now,
                        "next_flush_at": now + timedelta(seconds=route.group_wait_seconds),
                    },
                )
            members.append(AlertGroupMember(group=groups[key], alert=alert, joined_at=now))
    AlertGroupMember.objects.bulk_create(members, ignore_conflicts=True)


# --- Flush --------------------------------------------------------------------------------------


def flush(now: datetime) -> int:
    """Notify the groups that are due; returns the notifications sent."""
    sent = 0
    due = list(
        AlertGroup.objects.filter(next_flush_at__lte=now).order_by("next_flush_at", "id").values_list("pk", flat=True)
    )
    # FLUSH_CHUNK groups per transaction: a storm makes hundreds due at once, and a commit
    # each would be most of the work. Locked in id order, skipping those another worker holds.
    for start in range(0, len(due), FLUSH_CHUNK):
        chunk = sorted(due[start : start + FLUSH_CHUNK])
        with transaction.atomic():
            groups = (
                AlertGroup.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("route__escalation_policy")
                .filter(pk__in=chunk, next_flush_at__lte=now)
                .order_by("pk")
            )
            for group in groups:
                if _flush(group, now):
                    sent += 1
    return sent


def _reason(
    group: AlertGroup,
    route: AlertRoute,
    new: list[AlertGroupMember],
    resolved: list[Alert],
    active: list[Alert],
    now: datetime,
) -> Reason | None:
    if new:
        return "firing"
    if resolved:
        return "resolved"
    repeat = route.repeat_interval_seconds
    firing = any(a.status == AlertStatus.FIRING for a in active)
    if repeat and firing and group.last_notified_at and group.last_notified_at + timedelta(seconds=repeat) <= now:
        return "repeat"
    return None


def _flush(group: AlertGroup, now: datetime) -> bool:
    route = group.route
    if not route.enabled:
        group.delete()  # a disabled route says nothing more, not even resolutions
        return False
    members = list(
        group.members.select_related("alert__server", "alert__acknowledged_by").order_by("alert__server__name", "id")
    )
    active: list[Alert] = []
    new: list[AlertGroupMember] = []
    resolved: list[Alert] = []
    leaving: list[int] = []
    for member in members:
        alert = member.alert
        if alert.status in OPEN:
            if alert.silence_id is not None:
                continue  # not sent while silenced; notified once released, if still open
            active.append(alert)
            if member.notified_at is None:
                new.append(member)
        else:
            # Resolved: told of if it had been told of as firing (Alertmanager's send_resolved).
            if member.notified_at is not None and route.send_resolved and alert.silence_id is None:
                resolved.append(alert)
            leaving.append(member.pk)
    reason = _reason(group, route, new, resolved, active, now)
    sent = False
    if reason is not None:
        notice = Notice(route, group.labels, active, resolved, reason)
        send_notice(notice, _receivers(route), now)
        group.last_notified_at = now
        sent = True
        steps = route.escalation_policy.steps if route.escalation_policy else []
        for member in new:
            member.notified_at = now
            member.escalation_step = 0
            if steps and member.alert.status == AlertStatus.FIRING:
                member.next_escalation_at = now + timedelta(minutes=steps[0]["after_minutes"])
            member.save(update_fields=["notified_at", "escalation_step", "next_escalation_at"])
    if leaving:
        AlertGroupMember.objects.filter(pk__in=leaving).delete()
    if len(leaving) == len(members):
        group.delete()  # everyone resolved and told: a later alert starts a new group
    else:
        group.next_flush_at = now + timedelta(seconds=route.group_interval_seconds)
        group.save(update_fields=["next_flush_at", "last_notified_at"])
    return sent


def _receivers(source: AlertRoute | dict[str, Any]) -> dict[str, list[int]]:
    """A route's (or an escalation step's) receivers, as ``notices.recipients`` takes them."""
    names = ("users", "teams", "channels", "chat_rooms")
    if isinstance(source, dict):
        return {name: list(source.get(name, [])) for name in names}
    return {name: list(getattr(source, name)) for name in names}


# --- Escalation ---------------------------------------------------------------------------------


def escalate(now: datetime) -> int:
    """Take the due escalation steps; returns the notifications sent. Acknowledged, resolved
    alerts stop; a silenced one waits for its silence's end."""
    sent = 0
    due = sorted(set(AlertGroupMember.objects.filter(next_escalation_at__lte=now).values_list("group_id", flat=True)))
    for group_id in due:
        with transaction.atomic():
            group = (
                AlertGroup.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("route__escalation_policy")
                .filter(pk=group_id)
                .first()
            )
            if group is not None:
                sent += _escalate(group, now)
    return sent


def _escalate(group: AlertGroup, now: datetime) -> int:
    policy = group.route.escalation_policy
    steps: list[dict[str, Any]] = policy.steps if policy is not None else []
    members = list(
        group.members.filter(next_escalation_at__lte=now)
        .select_related("alert__server", "alert__silence")
        .order_by("alert__server__name", "id")
    )
    by_step: dict[int, list[AlertGroupMember]] = defaultdict(list)
    for member in members:
        alert = member.alert
        if alert.status != AlertStatus.FIRING or member.escalation_step >= len(steps):
            member.next_escalation_at = None  # acknowledged, resolved, or no step left: stop
            member.save(update_fields=["next_escalation_at"])
        elif alert.silence is not None:
            member.next_escalation_at = alert.silence.ends_at
            member.save(update_fields=["next_escalation_at"])
        else:
            by_step[member.escalation_step].append(member)
    for index, stepping in sorted(by_step.items()):
        step = steps[index]
        notice = Notice(
            group.route,
            group.labels,
            [m.alert for m in stepping],
            [],
            "escalation",
            step=index,
            after_minutes=step["after_minutes"],
        )
        send_notice(notice, _receivers(step), now)
        for member in stepping:
            member.escalation_step = index + 1
            following = steps[index + 1] if index + 1 < len(steps) else None
            member.next_escalation_at = None
            if following is not None and member.notified_at is not None:
                member.next_escalation_at = member.notified_at + timedelta(minutes=following["after_minutes"])
            member.save(update_fields=["escalation_step", "next_escalation_at"])
    return len(by_step)
