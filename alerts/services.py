"""Alert evaluation and the alert lifecycle.

``evaluate`` runs inside the ingest transaction (``monitoring.services.record_samples``): it
reads the pending breaches and the open alerts of the batch's servers and a fingerprint of
the thresholds (one statement; the enabled thresholds are kept per process and loaded again
when the fingerprint changes), walks the samples in order, and writes only what changed — a breach
that began, one that ended before its duration, an alert that fired, a new peak, an alert
that resolved. Notifications leave through outboxes in the same transaction (webhook
deliveries, emails) and through events the caller publishes after commit, so a rolled-back
batch notifies nobody and a committed one cannot be forgotten.

Everything that writes an alert lives here: firing, acknowledging, resolving (by hand, when
the value clears, when its threshold goes), the ``server.offline`` alert, and repeats.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, TypedDict

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from accounts.services import record_audit
from alerts.events import ALERTS_GROUP
from alerts.models import (
    COMPARE,
    OPEN,
    Alert,
    AlertKind,
    AlertStatus,
    EmailNotification,
    Scope,
    Threshold,
    ThresholdState,
)
from chatops.api.exceptions import Conflict
from chatops.db import conflicts_as_409
from chatops.realtime import publish_after_commit
from monitoring.events import Event
from servers.models import Server, Tag
from webhooks.services import enqueue as enqueue_webhook

logger = logging.getLogger(__name__)

# (server_id, unix ts, values) of every stored sample of an ingest batch, in arrival order.
SampleIn = tuple[int, float, dict[str, float]]
AlertEventType = Literal["alert.created", "alert.acknowledged", "alert.resolved", "alert.updated"]


class AlertEvent(TypedDict):
    """Pushed to ``/api/v1/ws/alerts``; ``alert`` is the API's representation."""

    type: AlertEventType
    alert: dict[str, Any]


class AlertStateConflict(Conflict):
    default_detail = "The alert is not in a state that allows this."
    default_code = "alert_state"


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def alert_data(alert: Alert) -> dict[str, Any]:
    """The alert as the API shows it (plain JSON types), for events, webhooks and email."""
    from alerts.api.serializers import AlertSerializer

    return dict(AlertSerializer(alert).data)


# --- Notifications ------------------------------------------------------------------------------


def _email_recipients() -> list[str]:
    return sorted(
        User.objects.filter(is_active=True, alert_emails=True).exclude(email="").values_list("email", flat=True)
    )


def _notify(alert: Alert, event: AlertEventType, *, repeat: bool = False) -> AlertEvent:
    """Queue every notification of ``event`` in the current transaction; return the live
    event for the caller to publish after commit."""
    data = alert_data(alert)
    webhook_event = "alert.created" if event == "alert.updated" else event
    payload: dict[str, Any] = {"alert": data}
    if repeat:
        payload["repeat"] = alert.notifications_sent
    enqueue_webhook(webhook_event, payload)
    if alert.kind == AlertKind.SERVER_OFFLINE and event in ("alert.created", "alert.resolved"):
        server = {"id": alert.server_id, "name": data["server_name"]}
        if event == "alert.created":
            enqueue_webhook("server.offline", {"server": server, "alert": data, "last_seen": data["started_at"]})
        else:
            enqueue_webhook("server.online", {"server": server, "alert": data})
    if event != "alert.acknowledged":
        recipients = _email_recipients()
        if recipients:
            EmailNotification.objects.create(
                alert=alert,
                event="alert.repeated" if repeat else event,
                recipients=recipients,
                next_attempt_at=timezone.now(),
            )
    return AlertEvent(type=event, alert=data)


def _live(events: Iterable[AlertEvent]) -> list[tuple[str, Event]]:
    return [(ALERTS_GROUP, event) for event in events]  # type: ignore[misc]


# --- Transitions --------------------------------------------------------------------------------


def _fire(threshold: Threshold, server_id: int, value: float, peak: float, started_at: datetime) -> Alert:
    alert = Alert.objects.create(
        kind=AlertKind.THRESHOLD,
        threshold=threshold,
        server_id=server_id,
        name=threshold.name,
        metric=threshold.metric,
        operator=threshold.operator,
        threshold_value=threshold.value,
        severity=threshold.severity,
        value=value,
        peak_value=peak,
        message=f"{threshold.metric} {threshold.operator} {threshold.value:g}: {value:g}",
        started_at=started_at,
        last_notified_at=timezone.now(),
        notifications_sent=1,
    )
    return Alert.objects.select_related("server", "acknowledged_by", "resolved_by").get(pk=alert.pk)


def _resolve(alert: Alert, *, by: User | None, comment: str = "", at: datetime | None = None) -> AlertEvent:
    alert.status = AlertStatus.RESOLVED
    alert.resolved_at = at or timezone.now()
    alert.resolved_by = by
    alert.resolve_comment = comment[:1000]
    alert.save(update_fields=["status", "resolved_at", "resolved_by", "resolve_comment"])
    return _notify(alert, "alert.resolved")


# --- Evaluation on ingest -----------------------------------------------------------------------


Check = tuple[Threshold, int, str, Callable[[float, float], bool], float]


def _applicable(thresholds: list[Threshold], server_ids: list[int]) -> dict[int, list[Check]]:
    """For each server, the checks of the thresholds that watch it."""
    checks: dict[int, Check] = {t.pk: (t, t.pk, t.metric, COMPARE[t.operator], t.value) for t in thresholds}
    everywhere = [checks[t.pk] for t in thresholds if t.scope == Scope.ALL]
    by_server: dict[int, list[Check]] = {}
    by_tag: dict[int, list[Check]] = {}
    for t in thresholds:
        if t.scope == Scope.SERVER and t.server_id is not None:
            by_server.setdefault(t.server_id, []).append(checks[t.pk])
        elif t.scope == Scope.TAG and t.tag_id is not None:
            by_tag.setdefault(t.tag_id, []).append(checks[t.pk])
    if not by_server and not by_tag:
        return dict.fromkeys(server_ids, everywhere)
    tags: dict[int, list[int]] = {}
    if by_tag:
        through = Server.tags.through.objects.filter(server_id__in=server_ids, tag_id__in=list(by_tag))
        for server_id, tag_id in through.values_list("server_id", "tag_id"):
            tags.setdefault(server_id, []).append(tag_id)
    out: dict[int, list[Check]] = {}
    for server_id in server_ids:
        mine = everywhere + by_server.get(server_id, [])
        for tag_id in tags.get(server_id, []):
            mine += by_tag[tag_id]
        out[server_id] = mine
    return out


def _lock_servers(server_ids: list[int]) -> None:
    """Lock the servers' rows, in id order: it orders concurrent evaluations of one server
    (ingest has already locked them in this transaction; custom metrics from the API have
    not). One array parameter, not one per server. SQLite serializes writers anyway."""
    if connection.vendor != "postgresql":
        return
    table = connection.ops.quote_name(Server._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE id = ANY(%s) ORDER BY id FOR UPDATE", [server_ids])  # noqa: S608


class _EnabledThresholds:
    """The enabled thresholds, kept by each process and loaded again when the table changed.

    Every ingest batch needs them, and they rarely change: listing them through the ORM was
    the largest fixed cost of a batch (about a quarter of a one-frame batch's CPU). The table's
    fingerprint — row count, highest id, newest ``updated_at`` (``auto_now``: every save, the
    API's and the admin's, sets it) — comes with the batch's one read of alerts and pending
    breaches (``_snapshot``); a different fingerprint loads the list again. The instances are
    shared between threads and only read."""

    def __init__(self) -> None:
        self.fingerprint: tuple[Any, ...] | None = None
        self.thresholds: list[Threshold] = []

    def get(self, fingerprint: tuple[Any, ...]) -> list[Threshold]:
        if fingerprint != self.fingerprint:
            thresholds = list(Threshold.objects.filter(enabled=True))
            self.fingerprint, self.thresholds = fingerprint, thresholds
        return self.thresholds


enabled_thresholds = _EnabledThresholds()


def _snapshot(in_batch: set[int]) -> tuple[list[Threshold], list[int], list[int]]:
    """One statement: the thresholds table's fingerprint, and the open alerts and pending
    breaches of the whole fleet (few, and cheaper to list than to name every server of a large
    batch), of which the batch's own are kept. Returns (enabled thresholds, the batch's open
    alert ids, the batch's pending breach ids)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 0, COUNT(*), MAX(id), MAX(updated_at) FROM {quote(Threshold._meta.db_table)} "  # noqa: S608
            f"UNION ALL SELECT 1, id, server_id, NULL FROM {quote(Alert._meta.db_table)} WHERE status IN (%s, %s) "
            f"UNION ALL SELECT 2, id, server_id, NULL FROM {quote(ThresholdState._meta.db_table)}",
            [str(status) for status in OPEN],
        )
        rows = cursor.fetchall()
    fingerprint: tuple[Any, ...] = (connection.alias,)
    open_ids: list[int] = []
    state_ids: list[int] = []
    for kind, pk, server_id, updated_at in rows:
        if kind == 0:
            fingerprint += (pk, server_id, updated_at)
        elif server_id in in_batch:
            (open_ids if kind == 1 else state_ids).append(pk)
    return enabled_thresholds.get(fingerprint), open_ids, state_ids


def evaluate(samples: Sequence[SampleIn], *, servers_locked: bool = False) -> list[tuple[str, Event]]:
    """Evaluate the thresholds against the samples of one batch, inside its transaction.
    Returns the live events to publish after commit.

    One statement reads what the batch needs to know (``_snapshot``); only the batch's own
    open alerts and pending breaches are then loaded and locked — usually none, and then
    nothing more is read."""
    if not samples:
        return []
    server_ids = sorted({server_id for server_id, _ts, _values in samples})
    in_batch = set(server_ids)
    if not servers_locked:
        # Before the read: a concurrent evaluation of these servers commits first, and the
        # read sees what it wrote.
        _lock_servers(server_ids)
    thresholds, open_ids, state_ids = _snapshot(in_batch)
    if not thresholds and not open_ids:
        return []  # nothing watches these samples (the common case of a hub without thresholds)
    events: list[AlertEvent] = []
    open_alerts: dict[tuple[int | None, int, str], Alert] = {}
    if open_ids:
        open_alerts = {
            (a.threshold_id if a.kind == AlertKind.THRESHOLD else None, a.server_id, a.kind): a
            for a in Alert.objects.select_for_update(of=("self",))
            .select_related("server", "acknowledged_by", "resolved_by")
            .filter(pk__in=open_ids, status__in=OPEN)
        }
    # Fresh data ends a silence.
    for (_t, _s, kind), alert in list(open_alerts.items()):
        if kind == AlertKind.SERVER_OFFLINE:
            events.append(_resolve(alert, by=None, comment="the agent is back"))
    if not thresholds:
        return _live(events)
    applicable = _applicable(thresholds, server_ids)
    states: dict[tuple[int, int], ThresholdState] = {}
    if state_ids:
        states = {
            (s.threshold_id, s.server_id): s
            for s in ThresholdState.objects.select_for_update().filter(pk__in=state_ids)
        }
    new_states: dict[tuple[int, int], ThresholdState] = {}
    changed_states: set[tuple[int, int]] = set()
    gone_states: set[tuple[int, int]] = set()
    peaks: dict[int, Alert] = {}
    # This loop runs for every sample and threshold: plain tuples and operator functions.
    for server_id, ts, values in samples:
        for threshold, tpk, metric, compare, limit in applicable[server_id]:
            value = values.get(metric)
            if value is None:
                continue
            key = (tpk, server_id)
            current = open_alerts.get((tpk, server_id, AlertKind.THRESHOLD)) if open_alerts else None
            if current is not None:
                if threshold.cleared(value):
                    peaks.pop(current.pk, None)
                    events.append(_resolve(current, by=None, at=_dt(ts)))
                    del open_alerts[(threshold.pk, server_id, AlertKind.THRESHOLD)]
                elif current.peak_value is None or threshold.worse(value, current.peak_value):
                    current.peak_value = value
                    peaks[current.pk] = current
                continue
            state = states.get(key) if states else None
            if not compare(value, limit):
                if state is not None:
                    del states[key]
                    new_states.pop(key, None)
                    changed_states.discard(key)
                    if state.pk is not None:
                        gone_states.add(key)
                        ThresholdState.objects.filter(pk=state.pk).delete()
                continue
            if state is None:
                state = ThresholdState(
                    threshold=threshold, server_id=server_id, pending_since=_dt(ts), peak_value=value
                )
                states[key] = new_states[key] = state
            elif threshold.worse(value, state.peak_value):
                state.peak_value = value
                if state.pk is not None:
                    changed_states.add(key)
            if ts - state.pending_since.timestamp() >= threshold.duration_seconds:
                fired = _fire(threshold, server_id, value, state.peak_value, state.pending_since)
                open_alerts[(threshold.pk, server_id, AlertKind.THRESHOLD)] = fired
                events.append(_notify(fired, "alert.created"))
                del states[key]
                new_states.pop(key, None)
                changed_states.discard(key)
                if state.pk is not None:
                    ThresholdState.objects.filter(pk=state.pk).delete()
    if new_states:
        ThresholdState.objects.bulk_create(new_states.values())
    for key in changed_states - gone_states:
        state = states[key]
        ThresholdState.objects.filter(pk=state.pk).update(peak_value=state.peak_value)
    for alert in peaks.values():
        Alert.objects.filter(pk=alert.pk).update(peak_value=alert.peak_value)
    return _live(events)


# --- The silent server --------------------------------------------------------------------------


def evaluate_offline(now: datetime | None = None) -> dict[str, int]:
    """Raise ``server.offline`` for servers silent past ALERTS_OFFLINE_AFTER_SECONDS, and
    resolve it for those heard since (the ingest path resolves it too, at the first sample)."""
    after = settings.ALERTS_OFFLINE_AFTER_SECONDS
    counts = {"raised": 0, "resolved": 0}
    if not after:
        return counts
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=after)
    events: list[AlertEvent] = []
    with transaction.atomic():
        back = (
            Alert.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("server", "acknowledged_by", "resolved_by")
            .filter(kind=AlertKind.SERVER_OFFLINE, status__in=OPEN, server__last_seen__gte=cutoff)
        )
        for alert in back:
            events.append(_resolve(alert, by=None, comment="the agent is back"))
            counts["resolved"] += 1
        silent = (
            Server.objects.select_for_update(skip_locked=True)
            .filter(last_seen__lt=cutoff)
            .exclude(pk__in=Alert.objects.open().filter(kind=AlertKind.SERVER_OFFLINE).values("server_id"))
            .order_by("pk")
        )
        for server in silent:
            assert server.last_seen is not None
            minutes = max(1, round((now - server.last_seen).total_seconds() / 60))
            alert = Alert.objects.create(
                kind=AlertKind.SERVER_OFFLINE,
                server=server,
                name="Server offline",
                severity=settings.ALERTS_OFFLINE_SEVERITY,
                message=f"{server.name} has sent nothing for {minutes} min",
                started_at=server.last_seen,
                last_notified_at=now,
                notifications_sent=1,
            )
            alert.server = server
            events.append(_notify(alert, "alert.created"))
            counts["raised"] += 1
        publish_after_commit(_live(events))
    return counts


# --- Repeats ------------------------------------------------------------------------------------


def _repeat_interval(alert: Alert) -> int:
    if alert.kind == AlertKind.SERVER_OFFLINE:
        return int(settings.ALERTS_OFFLINE_REPEAT_SECONDS)
    return alert.threshold.repeat_interval_seconds if alert.threshold else 0


def send_repeats(now: datetime | None = None) -> int:
    """Notify again about alerts still firing (not acknowledged) once their repeat interval
    has passed since the last notification."""
    now = now or timezone.now()
    sent = 0
    events: list[AlertEvent] = []
    with transaction.atomic():
        candidates = (
            Alert.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("server", "threshold", "acknowledged_by", "resolved_by")
            .filter(status=AlertStatus.FIRING)
            .filter(Q(threshold__repeat_interval_seconds__gt=0) | Q(kind=AlertKind.SERVER_OFFLINE))
        )
        for alert in candidates:
            interval = _repeat_interval(alert)
            if not interval or (alert.last_notified_at and alert.last_notified_at + timedelta(seconds=interval) > now):
                continue
            alert.last_notified_at = now
            alert.notifications_sent += 1
            alert.save(update_fields=["last_notified_at", "notifications_sent"])
            events.append(_notify(alert, "alert.updated", repeat=True))
            sent += 1
        publish_after_commit(_live(events))
    return sent


# --- By hand ------------------------------------------------------------------------------------


def _locked(alert_id: int) -> Alert:
    return Alert.objects.select_for_update(of=("self",)).select_related("server").get(pk=alert_id)


def acknowledge(request: Any, alert: Alert, comment: str = "") -> Alert:
    """ "I'm on it": a firing alert stops repeating until it resolves."""
    with transaction.atomic():
        alert = _locked(alert.pk)
        if alert.status != AlertStatus.FIRING:
            raise AlertStateConflict(f"The alert is {alert.status}; only a firing alert can be acknowledged.")
        alert.status = AlertStatus.ACKNOWLEDGED
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = request.user
        alert.ack_comment = comment[:1000]
        alert.save(update_fields=["status", "acknowledged_at", "acknowledged_by", "ack_comment"])
        record_audit("alert.acknowledged", request=request, target=alert, details={"comment": comment[:200]})
        publish_after_commit(_live([_notify(alert, "alert.acknowledged")]))
    return alert


def resolve(request: Any, alert: Alert, comment: str = "") -> Alert:
    """Resolve by hand. If the condition still holds, the next samples open a new episode."""
    with transaction.atomic():
        alert = _locked(alert.pk)
        if alert.status == AlertStatus.RESOLVED:
            raise AlertStateConflict("The alert is already resolved.")
        event = _resolve(alert, by=request.user, comment=comment)
        if alert.threshold_id is not None:
            ThresholdState.objects.filter(threshold_id=alert.threshold_id, server_id=alert.server_id).delete()
        record_audit("alert.resolved", request=request, target=alert, details={"comment": comment[:200]})
        publish_after_commit(_live([event]))
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
    return [_resolve(alert, by=None, comment=reason) for alert in alerts]


def _audit_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.pk if hasattr(v, "pk") else v) for k, v in sorted(fields.items())}


def _unique(fields: dict[str, Any]) -> dict[str, Any]:
    return {"name": fields["name"]} if "name" in fields else {}


def _resolve_tag(fields: dict[str, Any]) -> None:
    """A tag given by name (the API's way) becomes the Tag, made if new, inside the caller's
    transaction: a threshold refused on the way leaves no tag behind."""
    if isinstance(fields.get("tag"), str):
        fields["tag"] = Tag.objects.get_or_create(name=fields["tag"])[0]


def create_threshold(request: Any, **fields: Any) -> Threshold:
    with conflicts_as_409(Threshold.objects.all(), _unique(fields), "threshold"):
        _resolve_tag(fields)
        threshold = Threshold.objects.create(created_by=request.user, **fields)
        record_audit("threshold.created", request=request, target=threshold, details=_audit_fields(fields))
    return threshold


def update_threshold(request: Any, threshold: Threshold, **fields: Any) -> Threshold:
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
        record_audit("threshold.updated", request=request, target=threshold, details=_audit_fields(changed))
        publish_after_commit(_live(events))
    return threshold


def delete_threshold(request: Any, threshold: Threshold) -> None:
    with transaction.atomic():
        events = _close_episodes(threshold, "threshold deleted", keep_open=False)
        record_audit("threshold.deleted", request=request, target=threshold, details={"name": threshold.name})
        threshold.delete()
        publish_after_commit(_live(events))
