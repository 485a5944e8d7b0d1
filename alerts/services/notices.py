"""What a routed notification says and to whom: the text of a group's (or an escalation
step's) notification, the receivers still there, and the send through
``notifications.services.send`` (never delivered here: the notifications worker delivers),
with an ``AlertActivity`` row per alert it lists, for the alerts' timelines."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from django.conf import settings

from accounts.actor import Actor
from accounts.models import Team, User
from alerts.models import Alert, AlertStatus, Severity
from alerts.routing_models import ActivityKind, AlertActivity, AlertRoute
from alerts.services.audiences import audiences
from notifications import targets
from notifications.models import Notification, NotificationChannel
from notifications.services import Outgoing, Recipients, send_many

logger = logging.getLogger(__name__)

#: Who sends routed notifications (the audit and the notification's ``created_by`` say so).
ROUTING_ACTOR = Actor.system("alert routing", via="worker")
CHAT_ROOM = "chat_room"
#: Alerts listed by name in one notification; the rest are counted.
LISTED = 100

Reason = Literal["firing", "resolved", "repeat", "escalation"]
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}


def recipients(spec: Mapping[str, Sequence[int]]) -> tuple[Recipients, dict[str, list[int]]]:
    """The receivers of a route or an escalation step (``users``, ``teams``, ``channels``,
    ``chat_rooms``) that still exist (active users, rooms not archived), and those dropped:
    a receiver removed since the route was saved must not stop the others hearing."""
    users = sorted(set(User.objects.filter(pk__in=spec.get("users", []), is_active=True).values_list("pk", flat=True)))
    teams = sorted(set(Team.objects.filter(pk__in=spec.get("teams", [])).values_list("pk", flat=True)))
    channels = sorted(
        set(NotificationChannel.objects.filter(pk__in=spec.get("channels", [])).values_list("pk", flat=True))
    )
    room_target = targets.target(CHAT_ROOM)
    rooms = [r for r in dict.fromkeys(spec.get("chat_rooms", [])) if room_target is not None and room_target.exists(r)]
    kept = {"users": users, "teams": teams, "channels": channels, "chat_rooms": rooms}
    dropped = {k: sorted(set(spec.get(k, [])) - set(v)) for k, v in kept.items()}
    found = Recipients(users=users, teams=teams, channels=channels, targets={CHAT_ROOM: rooms} if rooms else {})
    return found, {k: v for k, v in dropped.items() if v}


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else "?"


def _line(alert: Alert) -> str:
    state = ""
    if alert.status == AlertStatus.ACKNOWLEDGED:
        by = alert.acknowledged_by.username if alert.acknowledged_by else "someone"
        state = f"; acknowledged by {by}"
    elif alert.status == AlertStatus.RESOLVED:
        state = f"; resolved {_when(alert.resolved_at)}"
    return (
        f"- {alert.server.name}: {alert.message} ({alert.severity}, since {_when(alert.started_at)}{state}) #{alert.pk}"
    )


def _section(title: str, alerts: Sequence[Alert]) -> list[str]:
    if not alerts:
        return []
    lines = [f"{title} ({len(alerts)}):", *(_line(a) for a in alerts[:LISTED])]
    if len(alerts) > LISTED:
        lines.append(f"… and {len(alerts) - LISTED} more")
    return [*lines, ""]


@dataclass(frozen=True)
class Notice:
    """One notification about a group's alerts."""

    route: AlertRoute
    labels: Mapping[str, str]
    firing: Sequence[Alert]  # open (firing or acknowledged), listed as firing
    resolved: Sequence[Alert]
    reason: Reason
    step: int | None = None  # escalation: the step's index
    after_minutes: int | None = None

    @property
    def ordered_labels(self) -> list[tuple[str, str]]:
        """The group's labels in the route's ``group_by`` order (the database keeps no order)."""
        order = {label: i for i, label in enumerate(self.route.group_by)}
        return sorted(self.labels.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))

    @property
    def severity(self) -> str:
        listed = list(self.firing) or list(self.resolved)
        return max((a.severity for a in listed), key=lambda s: _RANK.get(Severity(s), 0), default=Severity.INFO)

    def subject(self) -> str:
        counts = []
        if self.firing:
            counts.append(f"FIRING:{len(self.firing)}")
        if self.resolved:
            counts.append(f"RESOLVED:{len(self.resolved)}" if self.firing else "RESOLVED")
        what = " ".join(v for _k, v in self.ordered_labels if v) or self.route.name
        subject = f"[{', '.join(counts)}] {what}"
        if self.step is not None:
            subject = f"[ESCALATION {self.step + 1}] {subject}: not acknowledged after {self.after_minutes} min"
        return subject[:200]

    def content(self) -> str:
        lines = [f"Route: {self.route.name}"]
        if self.labels:
            lines.append("Group: " + ", ".join(f"{k}={v}" for k, v in self.ordered_labels))
        if self.step is not None:
            lines.append(f"Escalation step {self.step + 1}: not acknowledged {self.after_minutes} min after notice.")
        if self.reason == "repeat":
            lines.append("Still firing (repeat).")
        lines.append("")
        lines += _section("Firing", self.firing)
        lines += _section("Resolved", self.resolved)
        if settings.SITE_URL:
            lines.append(f"{settings.SITE_URL}/alerts")
        return "\n".join(lines).rstrip() + "\n"

    def data(self) -> dict[str, Any]:
        return {
            "route": {"id": self.route.pk, "name": self.route.name},
            "group": dict(self.labels),
            "reason": self.reason,
            "step": self.step,
            "firing": [a.pk for a in self.firing],
            "resolved": [a.pk for a in self.resolved],
        }


class Notices:
    """The notices of one transaction, sent together: the receivers of each distinct spec are
    looked up once, whether any team exists is asked once, and the notifications, their
    deliveries and the timeline rows are written one statement each (``send_many``). A storm's
    routing sends hundreds of notices per transaction; one at a time it took ten statements
    each (bench/README, notify)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._receivers: dict[str, tuple[Recipients, dict[str, list[int]]]] = {}
        self._any_team: bool | None = None
        self._queued: list[tuple[Notice, list[tuple[Notice, Recipients]], str, dict[str, Any]]] = []

    def _recipients(self, spec: Mapping[str, Sequence[int]]) -> tuple[Recipients, dict[str, list[int]]]:
        key = repr(sorted((k, list(v)) for k, v in spec.items()))
        if key not in self._receivers:
            self._receivers[key] = recipients(spec)
        return self._receivers[key]

    def add(self, notice: Notice, spec: Mapping[str, Sequence[int]]) -> None:
        """Queue ``notice`` to the receivers in ``spec`` (see ``send_notice``)."""
        found, dropped = self._recipients(spec)
        kind = ActivityKind.ESCALATED if notice.step is not None else ActivityKind.NOTIFIED
        details: dict[str, Any] = {"route": notice.route.name, "reason": notice.reason}
        if notice.step is not None:
            details["step"] = notice.step + 1
        if dropped:
            details["dropped"] = dropped
        parts: list[tuple[Notice, Recipients]] = []
        if found:
            if self._any_team is None:
                self._any_team = Team.objects.exists()
            parts, out_of_scope = audiences(notice, found, any_team=self._any_team)
            if out_of_scope:
                details["out_of_scope"] = out_of_scope
        if not parts:
            logger.warning("Route %s: no receiver left for a notification (%s)", notice.route.pk, notice.reason)
            details["unsent"] = "no receiver left"
            parts = [(notice, Recipients())]
        self._queued.append((notice, parts, kind, details))

    def send(self) -> list[Notification | None]:
        """Send what was queued, in the caller's transaction; for each notice in order, its
        first notification (None when no receiver was left)."""
        outgoing = [
            Outgoing(
                type=f"alert.{part.reason}",
                subject=part.subject(),
                content=part.content(),
                recipients=receivers,
                severity=part.severity,
                data=part.data(),
            )
            for _notice, parts, _kind, _details in self._queued
            for part, receivers in parts
            if receivers
        ]
        made = iter(send_many(ROUTING_ACTOR, outgoing))
        firsts: list[Notification | None] = []
        activities: list[AlertActivity] = []
        for notice, parts, kind, details in self._queued:
            first: Notification | None = None
            told: set[int] = set()
            for part, receivers in parts:
                notification = next(made) if receivers else None
                first = first or notification
                for alert in [*part.firing, *part.resolved]:
                    told.add(alert.pk)
                    activities.append(_activity(alert, part, notification, kind, self.now, details))
            # An alert no one in scope hears of still shows on its timeline that the route ran.
            for alert in [*notice.firing, *notice.resolved]:
                if alert.pk not in told:
                    unsent = {**details, "unsent": "no receiver in scope"}
                    activities.append(_activity(alert, notice, None, kind, self.now, unsent))
            firsts.append(first)
        AlertActivity.objects.bulk_create(activities)
        self._queued.clear()
        return firsts


def send_notice(notice: Notice, spec: Mapping[str, Sequence[int]], now: datetime) -> Notification | None:
    """Send ``notice`` to the receivers in ``spec`` (in the caller's transaction) and note it
    on each listed alert's timeline. None when no receiver is left (logged)."""
    batch = Notices(now)
    batch.add(notice, spec)
    (first,) = batch.send()
    return first


def _activity(
    alert: Alert, notice: Notice, notification: Notification | None, kind: str, now: datetime, details: dict[str, Any]
) -> AlertActivity:
    return AlertActivity(
        alert=alert,
        at=now,
        kind=kind,
        route=notice.route,
        notification=notification,
        details={**details, "as": "resolved" if alert in notice.resolved else "firing"},
    )
