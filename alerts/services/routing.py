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
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from alerts.matchers import Labels, group_key, group_labels, routes_for
from alerts.models import OPEN, Alert, AlertStatus
from alerts.routing_models import AlertGroup, AlertGroupMember, AlertRoute
from alerts.services import silences
from alerts.services.notices import Notice, Notices, Reason, send_notice
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
    """Each alert into the group of each route that takes it: the groups of the batch are read
    in one statement, the missing ones made in another (and read back), the members in a
    third — not one lookup per alert (a storm takes thousands a minute)."""
    tags = tags_of(a.server_id for a in alerts) if any(r.tags for r in routes) else {}
    wanted: dict[tuple[int, str], tuple[AlertRoute, dict[str, str]]] = {}
    joins: list[tuple[tuple[int, str], Alert]] = []
    for alert in alerts:
        labels = Labels.of(alert, tags.get(alert.server_id, ()))
        for route in routes_for(routes, labels):
            if not route.has_receivers and route.escalation_policy_id is None:
                continue  # a route to nobody: it takes the alert and sends nothing
            values = group_labels(route, labels)
            key = (route.pk, group_key(values))
            wanted.setdefault(key, (route, values))
            joins.append((key, alert))
    if not joins:
        return
    groups = _groups(wanted.keys())
    missing = [key for key in wanted if key not in groups]
    if missing:
        AlertGroup.objects.bulk_create(
            [
                AlertGroup(
                    route=wanted[key][0],
                    key=key[1],
                    labels=wanted[key][1],
                    created_at=now,
                    next_flush_at=now + timedelta(seconds=wanted[key][0].group_wait_seconds),
                )
                for key in missing
            ],
            ignore_conflicts=True,  # another worker made it meanwhile: join that one
        )
        groups.update(_groups(missing))
    members = [AlertGroupMember(group_id=groups[key], alert=alert, joined_at=now) for key, alert in joins]
    AlertGroupMember.objects.bulk_create(members, ignore_conflicts=True)


def _groups(keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """The ids of the groups with these (route id, key), those that exist."""
    by_route: dict[int, list[str]] = defaultdict(list)
    for route_id, key in keys:
        by_route[route_id].append(key)
    where = Q()
    for route_id, route_keys in by_route.items():
        where |= Q(route_id=route_id, key__in=route_keys)
    rows = AlertGroup.objects.filter(where).values_list("pk", "route_id", "key")
    return {(route_id, key): pk for pk, route_id, key in rows}


# --- Flush --------------------------------------------------------------------------------------


def flush(now: datetime) -> int:
    """Notify the groups that are due; returns the notifications sent."""
    sent = 0
    due = list(
        AlertGroup.objects.filter(next_flush_at__lte=now).order_by("next_flush_at", "id").values_list("pk", flat=True)
    )
    # FLUSH_CHUNK groups per transaction, written set-wise (``_Writes``, ``Notices``): a storm
    # makes thousands due at once, and statements per group were most of the work. Locked in
    # id order, skipping those another worker holds.
    for start in range(0, len(due), FLUSH_CHUNK):
        chunk = sorted(due[start : start + FLUSH_CHUNK])
        with transaction.atomic():
            groups = list(
                AlertGroup.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("route__escalation_policy")
                .filter(pk__in=chunk, next_flush_at__lte=now)
                .order_by("pk")
            )
            if not groups:
                continue
            members: dict[int, list[AlertGroupMember]] = defaultdict(list)
            for member in (
                AlertGroupMember.objects.filter(group_id__in=[g.pk for g in groups])
                .select_related("alert__server", "alert__acknowledged_by")
                .order_by("alert__server__name", "id")
            ):
                members[member.group_id].append(member)
            notices, writes = Notices(now), _Writes()
            for group in groups:
                if _flush(group, members[group.pk], now, notices, writes):
                    sent += 1
            notices.send()
            writes.apply(now)
    return sent


class _Writes:
    """What flushing a chunk of groups changes, written in a few statements at its end."""

    def __init__(self) -> None:
        self.leaving: list[int] = []  # members whose alert resolved and was told of
        self.gone: list[int] = []  # groups with nobody left, or of a disabled route
        self.kept: list[AlertGroup] = []  # groups whose next flush (and last notice) moved
        self.notified: dict[datetime | None, list[int]] = defaultdict(list)  # members, by next escalation

    def apply(self, now: datetime) -> None:
        for next_escalation_at, pks in self.notified.items():
            AlertGroupMember.objects.filter(pk__in=pks).update(
                notified_at=now, escalation_step=0, next_escalation_at=next_escalation_at
            )
        if self.leaving:
            AlertGroupMember.objects.filter(pk__in=self.leaving).delete()
        if self.gone:
            AlertGroup.objects.filter(pk__in=self.gone).delete()
        if self.kept:
            AlertGroup.objects.bulk_update(self.kept, ["next_flush_at", "last_notified_at"])


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


def _flush(
    group: AlertGroup, members: list[AlertGroupMember], now: datetime, notices: Notices, writes: _Writes
) -> bool:
    """Flush one locked group: queue its notice in ``notices`` and its changes in ``writes``.
    ``members``: the group's members, by server name."""
    route = group.route
    if not route.enabled:
        writes.gone.append(group.pk)  # a disabled route says nothing more, not even resolutions
        return False
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
        notices.add(Notice(route, group.labels, active, resolved, reason), _receivers(route))
        group.last_notified_at = now
        sent = True
        steps = route.escalation_policy.steps if route.escalation_policy else []
        for member in new:
            escalates = bool(steps) and member.alert.status == AlertStatus.FIRING
            writes.notified[now + timedelta(minutes=steps[0]["after_minutes"]) if escalates else None].append(member.pk)
    writes.leaving += leaving
    if len(leaving) == len(members):
        writes.gone.append(group.pk)  # everyone resolved and told: a later alert starts a new group
    else:
        group.next_flush_at = now + timedelta(seconds=route.group_interval_seconds)
        writes.kept.append(group)
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
