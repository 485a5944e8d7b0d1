"""The alert lifecycle: firing, acknowledging, resolving (by hand, when the value clears, when
its threshold goes), the notifications of each transition, and the thresholds' own changes.

Notifications leave through outboxes in the caller's transaction (webhook deliveries, emails)
and through live events published after commit, so a rolled-back change notifies nobody and a
committed one cannot be forgotten. The writes by hand take an ``Actor``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TypedDict, cast

from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import NotFound, PermissionDenied

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import User
from accounts.services import record_audit
from alerts.events import ALERTS_GROUP
from alerts.models import OPEN, Alert, AlertKind, AlertStatus, EmailNotification, Threshold, ThresholdState
from alerts.representation import AlertSerializer, alert_data
from alerts.services.silencing import ActiveSilences, silence_new_alert
from alerts.signals import AlertChange, alert_changed
from chatops.api.exceptions import Conflict
from chatops.db import conflicts_as_409
from chatops.realtime import publish_after_commit
from monitoring.events import Event
from servers.models import Server, Tag, who_can_see
from servers.services import visible_servers
from webhooks.models import Webhook
from webhooks.services import enqueue as enqueue_webhook

logger = logging.getLogger(__name__)

AlertEventType = Literal["alert.created", "alert.acknowledged", "alert.resolved", "alert.updated"]


class AlertEvent(TypedDict):
    """Pushed to ``/api/v1/ws/alerts``; ``alert`` is the API's representation."""

    type: AlertEventType
    alert: dict[str, Any]


class AlertStateConflict(Conflict):
    default_detail = "The alert is not in a state that allows this."
    default_code = "alert_state"


# --- Notifications ------------------------------------------------------------------------------


@dataclass
class Batch:
    """What the transitions of one batch (an ingest batch may fire hundreds of alerts at once)
    look up once instead of once per alert: the servers, the webhooks subscribed to each event,
    whether anyone wants alert emails, the metrics' labels (the serializer's context)."""

    servers: dict[int, Server] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    serializer: AlertSerializer | None = None
    hooks: dict[str, list[Webhook]] = field(default_factory=dict)
    emails_wanted: bool | None = None
    #: The transitions to announce after commit, in order (``_announce``), sent by one hook.
    announced: list[tuple[int, AlertChange]] = field(default_factory=list)

    def alert_data(self, alert: Alert) -> dict[str, Any]:
        """``alert_data``, with one serializer for the batch (building its fields is most of
        the cost of serializing one alert)."""
        if self.serializer is None:
            self.serializer = AlertSerializer(context=self.context)
        return dict(self.serializer.to_representation(alert))

    def subscribed(self, event: str) -> list[Webhook]:
        if event not in self.hooks:
            self.hooks[event] = Webhook.objects.subscribed_to(event)
        return self.hooks[event]


_batch: ContextVar[Batch | None] = ContextVar("alerts_batch", default=None)


@contextmanager
def batch(server_ids: Iterable[int] = ()) -> Iterator[Batch]:
    """Share lookups between the transitions made inside (one transaction's batch); the
    servers named are read at once."""
    current = Batch()
    ids = sorted(set(server_ids))
    if ids:
        current.servers = Server.objects.in_bulk(ids)
    token = _batch.set(current)
    try:
        yield current
    finally:
        _batch.reset(token)
    if current.announced:
        changes = list(current.announced)
        transaction.on_commit(lambda: _send_changes(changes), robust=True)


def _email_recipients(server_id: int) -> list[str]:
    """The addresses of the users who opted in and may see the server (their teams' scope)."""
    shared = _batch.get()
    if shared is not None and shared.emails_wanted is False:
        return []  # asked once for the batch: building the query per alert cost a storm 30 %
    opted_in = User.objects.filter(is_active=True, alert_emails=True).exclude(email="")
    if shared is not None and shared.emails_wanted is None:
        shared.emails_wanted = opted_in.exists()
    wanted = shared.emails_wanted if shared is not None else opted_in.exists()
    if not wanted:
        return []
    return sorted(who_can_see(server_id, opted_in).values_list("email", flat=True))


def _enqueue(event: str, payload: dict[str, Any]) -> None:
    shared = _batch.get()
    enqueue_webhook(event, payload, hooks=shared.subscribed(event) if shared is not None else None)


def notify(alert: Alert, event: AlertEventType, *, repeat: bool = False) -> AlertEvent:
    """Queue every notification of ``event`` in the current transaction; return the live
    event for the caller to publish after commit."""
    shared = _batch.get()
    data = shared.alert_data(alert) if shared is not None else alert_data(alert)
    webhook_event = "alert.created" if event == "alert.updated" else event
    payload: dict[str, Any] = {"alert": data}
    if repeat:
        payload["repeat"] = alert.notifications_sent
    _enqueue(webhook_event, payload)
    if alert.kind == AlertKind.SERVER_OFFLINE and event in ("alert.created", "alert.resolved"):
        server = {"id": alert.server_id, "name": data["server_name"]}
        if event == "alert.created":
            _enqueue("server.offline", {"server": server, "alert": data, "last_seen": data["started_at"]})
        else:
            _enqueue("server.online", {"server": server, "alert": data})
    # A silenced alert is not sent to people (webhooks still carry it, marked silenced).
    if event != "alert.acknowledged" and alert.silence_id is None:
        queue_email(alert, "alert.repeated" if repeat else event)
    _announce(alert.pk, event)
    return AlertEvent(type=event, alert=data)


def queue_email(alert: Alert, event: str) -> None:
    """The alert email to the users with ``alert_emails`` on, in the current transaction."""
    recipients = _email_recipients(alert.server_id)
    if recipients:
        EmailNotification.objects.create(
            alert=alert, event=event, recipients=recipients, next_attempt_at=timezone.now()
        )


def _announce(alert_id: int, event: AlertEventType) -> None:
    """``alerts.signals.alert_changed`` after commit, for the apps above (chat's cards). Inside
    a ``batch``, its transitions are announced together by one hook at its end, sharing one
    ``burst`` (a receiver reads what holds for all of them once, not once per alert)."""
    change = cast(AlertChange, event.removeprefix("alert."))
    shared = _batch.get()
    if shared is not None:
        shared.announced.append((alert_id, change))
        return
    transaction.on_commit(lambda: _send_changes([(alert_id, change)]), robust=True)


def _send_changes(changes: list[tuple[int, AlertChange]]) -> None:
    burst: dict[str, Any] = {"alert_ids": [alert_id for alert_id, _ in changes]}
    for alert_id, change in changes:
        try:
            alert_changed.send(sender=Alert, alert_id=alert_id, event=change, burst=burst)
        except Exception:
            # As on_commit(robust=True) did for each alert: one receiver's error stops no other.
            logger.exception("A receiver of alert_changed failed (alert %s, %s)", alert_id, change)


def live(events: Iterable[AlertEvent]) -> list[tuple[str, Event]]:
    return [(ALERTS_GROUP, event) for event in events]  # type: ignore[misc]


# --- Transitions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAlert:
    """What ``fire_many`` makes an alert of."""

    threshold: Threshold
    server_id: int
    value: float
    peak: float
    started_at: datetime


def fire_many(new: list[NewAlert], silences: ActiveSilences | None = None) -> list[Alert]:
    """New alerts, written in one statement (a storm fires hundreds in one ingest batch);
    ``silences`` (active now) lay the one that matches each before it is notified. Their
    servers come from the current ``batch`` (one read), else are read here."""
    now = timezone.now()
    alerts = Alert.objects.bulk_create([_new_alert(n, now) for n in new])
    shared = _batch.get()
    known = shared.servers if shared is not None else {}
    missing = {a.server_id for a in alerts} - known.keys()
    servers = {**known, **(Server.objects.in_bulk(sorted(missing)) if missing else {})}
    for alert in alerts:
        alert.server = servers[alert.server_id]  # new: nobody acknowledged or resolved it yet
        if silences:
            silence_new_alert(alert, silences)
    return alerts


def _new_alert(new: NewAlert, now: datetime) -> Alert:
    threshold, value = new.threshold, new.value
    return Alert(
        kind=AlertKind.THRESHOLD,
        threshold=threshold,
        server_id=new.server_id,
        name=threshold.name,
        metric=threshold.metric,
        operator=threshold.operator,
        threshold_value=threshold.value,
        severity=threshold.severity,
        value=value,
        peak_value=new.peak,
        message=f"{threshold.metric} {threshold.operator} {threshold.value:g}: {value:g}",
        started_at=new.started_at,
        last_notified_at=now,
        notifications_sent=1,
    )


def close(alert: Alert, *, by: User | None, comment: str = "", at: datetime | None = None) -> AlertEvent:
    alert.status = AlertStatus.RESOLVED
    alert.resolved_at = at or timezone.now()
    alert.resolved_by = by
    alert.resolve_comment = comment[:1000]
    alert.save(update_fields=["status", "resolved_at", "resolved_by", "resolve_comment"])
    return notify(alert, "alert.resolved")


# --- By hand ------------------------------------------------------------------------------------


def _locked(alert_id: int) -> Alert:
    return Alert.objects.select_for_update(of=("self",)).select_related("server").get(pk=alert_id)


def _require_operator(actor: Actor, alert: Alert) -> None:
    """The REST route's rules, for every way in (a chat room, a card's button): an operator
    or an admin, who may see the alert's server (else it is not there for them: 404)."""
    if not actor.has_role(Role.OPERATOR):
        raise PermissionDenied("Only operators and admins may do this.")
    if not visible_servers(actor).filter(pk=alert.server_id).exists():
        raise NotFound("No such alert.")


def acknowledge(actor: Actor, alert: Alert, comment: str = "") -> Alert:
    """ "I'm on it": a firing alert stops repeating until it resolves."""
    _require_operator(actor, alert)
    with transaction.atomic():
        alert = _locked(alert.pk)
        if alert.status != AlertStatus.FIRING:
            raise AlertStateConflict(f"The alert is {alert.status}; only a firing alert can be acknowledged.")
        alert.status = AlertStatus.ACKNOWLEDGED
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = actor.user
        alert.ack_comment = comment[:1000]
        alert.save(update_fields=["status", "acknowledged_at", "acknowledged_by", "ack_comment"])
        record_audit("alert.acknowledged", actor=actor, target=alert, details={"comment": comment[:200]})
        publish_after_commit(live([notify(alert, "alert.acknowledged")]))
    return alert


def resolve(actor: Actor, alert: Alert, comment: str = "") -> Alert:
    """Resolve by hand. If the condition still holds, the next samples open a new episode."""
    _require_operator(actor, alert)
    with transaction.atomic():
        alert = _locked(alert.pk)
        if alert.status == AlertStatus.RESOLVED:
            raise AlertStateConflict("The alert is already resolved.")
        event = close(alert, by=actor.user, comment=comment)
        if alert.threshold_id is not None:
            ThresholdState.objects.filter(threshold_id=alert.threshold_id, server_id=alert.server_id).delete()
        record_audit("alert.resolved", actor=actor, target=alert, details={"comment": comment[:200]})
        publish_after_commit(live([event]))
    return alert


# --- Thresholds ---------------------------------------------------------------------------------

# Changing these restarts every pending duration: they change what "breached" means.
_CONDITION_FIELDS = {"metric", "operator", "value", "duration_seconds", "scope", "server", "tag", "enabled"}


def _close_episodes(threshold: Threshold, reason: str, *, keep_open: bool) -> list[AlertEvent]:
    ThresholdState.objects.filter(threshold=threshold).delete()
    if keep_open:
        return []
    alerts = (
        Alert.objects.select_for_update(of=("self",))
        .select_related("server", "acknowledged_by", "resolved_by")
        .filter(threshold=threshold, status__in=OPEN)
    )
    return [close(alert, by=None, comment=reason) for alert in alerts]


def _audit_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.pk if hasattr(v, "pk") else v) for k, v in sorted(fields.items())}


def _unique(fields: dict[str, Any]) -> dict[str, Any]:
    return {"name": fields["name"]} if "name" in fields else {}


def _resolve_tag(fields: dict[str, Any]) -> None:
    """A tag given by name (the API's way) becomes the Tag, made if new, inside the caller's
    transaction: a threshold refused on the way leaves no tag behind."""
    if isinstance(fields.get("tag"), str):
        fields["tag"] = Tag.objects.get_or_create(name=fields["tag"])[0]


def create_threshold(actor: Actor, **fields: Any) -> Threshold:
    with conflicts_as_409(Threshold.objects.all(), _unique(fields), "threshold"):
        _resolve_tag(fields)
        threshold = Threshold.objects.create(created_by=actor.user, **fields)
        record_audit("threshold.created", actor=actor, target=threshold, details=_audit_fields(fields))
    return threshold


def update_threshold(actor: Actor, threshold: Threshold, **fields: Any) -> Threshold:
    """Apply a change. A change to the condition restarts pending durations; disabling, or
    moving the scope off a server, resolves its open alerts (nobody watches them any more)."""
    with conflicts_as_409(Threshold.objects.all(), _unique(fields), "threshold", exclude_pk=threshold.pk):
        _resolve_tag(fields)
        threshold = Threshold.objects.select_for_update().get(pk=threshold.pk)
        changed = {k: v for k, v in fields.items() if getattr(threshold, k) != v}
        for key, value in fields.items():
            setattr(threshold, key, value)
        threshold.save()
        events: list[AlertEvent] = []
        if changed.keys() & _CONDITION_FIELDS:
            scope_moved = bool(changed.keys() & {"scope", "server", "tag"})
            events = _close_episodes(
                threshold,
                "threshold disabled" if not threshold.enabled else "threshold's scope changed",
                keep_open=threshold.enabled and not scope_moved,
            )
        record_audit("threshold.updated", actor=actor, target=threshold, details=_audit_fields(changed))
        publish_after_commit(live(events))
    return threshold


def delete_threshold(actor: Actor, threshold: Threshold) -> None:
    with transaction.atomic():
        events = _close_episodes(threshold, "threshold deleted", keep_open=False)
        record_audit("threshold.deleted", actor=actor, target=threshold, details={"name": threshold.name})
        threshold.delete()
        publish_after_commit(live(events))
