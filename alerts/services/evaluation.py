"""Alert evaluation: thresholds against the samples of a batch, the silent server, repeats.

``evaluate`` runs inside the ingest transaction (registered with ``monitoring.ingest`` by
``AlertsConfig.ready``): it reads the pending breaches and the open alerts of the batch's
servers and a fingerprint of the thresholds (one statement; the enabled thresholds are kept
per process and loaded again when the fingerprint changes), asks ``plan.plan_evaluation``
what changes, and writes only that — a breach that began, one that ended before its duration,
an alert that fired, a new peak, an alert that resolved. Notifications leave through outboxes
in the same transaction and through events the caller publishes after commit, so a
rolled-back batch notifies nobody and a committed one cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from alerts.models import COMPARE, OPEN, Alert, AlertKind, AlertStatus, Scope, Threshold, ThresholdState
from alerts.services.lifecycle import AlertEvent, NewAlert, batch, close, fire_many, live, notify
from alerts.services.plan import (
    AlertKey,
    Check,
    DropState,
    EvaluationPlan,
    Fire,
    OpenAlert,
    PendingState,
    Resolve,
    StateKey,
    plan_evaluation,
)
from alerts.services.silencing import ActiveSilences, active_silences, silence_new_alert
from chatops.realtime import publish_after_commit
from monitoring.events import Event
from monitoring.ingest import SampleIn
from servers.models import Server

# --- Evaluation on ingest -----------------------------------------------------------------------


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


@dataclass(eq=False, slots=True)
class _Open:
    """An open alert of the batch as ``_snapshot`` read it: what the plan needs (its peak).
    The full row is loaded, and locked, only when a step resolves it (``_write``)."""

    pk: int
    peak_value: float | None


def _snapshot(in_batch: set[int]) -> tuple[list[Threshold], dict[AlertKey, _Open], list[int]]:
    """One statement: the thresholds table's fingerprint, and the open alerts and pending
    breaches of the whole fleet (few, and cheaper to list than to name every server of a large
    batch), of which the batch's own are kept. Returns (enabled thresholds, the batch's open
    alerts by key, the batch's pending breach ids).

    The open alerts are read as plain values, not rows: after a storm every sample of a
    breached server meets its open alert, and loading and locking thousands of rows a second
    to change none of them made ingest several times slower (bench/README, notify)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 0, COUNT(*), MAX(id), MAX(updated_at), NULL, NULL, NULL "  # noqa: S608
            f"FROM {quote(Threshold._meta.db_table)} "
            f"UNION ALL SELECT 1, id, server_id, NULL, threshold_id, kind, peak_value "
            f"FROM {quote(Alert._meta.db_table)} WHERE status IN (%s, %s) "
            f"UNION ALL SELECT 2, id, server_id, NULL, NULL, NULL, NULL FROM {quote(ThresholdState._meta.db_table)}",
            [str(status) for status in OPEN],
        )
        rows = cursor.fetchall()
    fingerprint: tuple[Any, ...] = (connection.alias,)
    open_alerts: dict[AlertKey, _Open] = {}
    state_ids: list[int] = []
    for kind, pk, server_id, updated_at, threshold_id, alert_kind, peak in rows:
        if kind == 0:
            fingerprint += (pk, server_id, updated_at)
        elif server_id in in_batch:
            if kind == 1:
                key = (threshold_id if alert_kind == AlertKind.THRESHOLD else None, server_id, alert_kind)
                open_alerts[key] = _Open(pk, peak)
            else:
                state_ids.append(pk)
    return enabled_thresholds.get(fingerprint), open_alerts, state_ids


def evaluate(samples: Sequence[SampleIn], *, servers_locked: bool = False) -> list[tuple[str, Event]]:
    """Evaluate the thresholds against the samples of one batch, inside its transaction.
    Returns the live events to publish after commit.

    One statement reads what the batch needs to know (``_snapshot``); only the batch's own
    pending breaches are then loaded and locked, and only the open alerts a step resolves —
    usually none, and then nothing more is read."""
    if not samples:
        return []
    server_ids = sorted({server_id for server_id, _ts, _values in samples})
    if not servers_locked:
        # Before the read: a concurrent evaluation of these servers commits first, and the
        # read sees what it wrote.
        _lock_servers(server_ids)
    thresholds, open_alerts, state_ids = _snapshot(set(server_ids))
    if not thresholds and not open_alerts:
        return []  # nothing watches these samples (the common case of a hub without thresholds)
    applicable: dict[int, list[Check]] = {}
    states: dict[StateKey, PendingState] = {}
    if thresholds:
        applicable = _applicable(thresholds, server_ids)
        if state_ids:
            states = {
                (s.threshold_id, s.server_id): PendingState(s.pk, s.pending_since, s.peak_value)
                for s in ThresholdState.objects.select_for_update().filter(pk__in=state_ids)
            }
    return live(_write(plan_evaluation(samples, applicable, open_alerts, states)))


def _write(plan: EvaluationPlan) -> list[AlertEvent]:
    """Carry out ``plan`` in the caller's transaction; the live events of its transitions."""
    with batch(step.server_id for step in plan.steps if isinstance(step, Fire)):
        return _write_steps(plan)


def _pk(target: OpenAlert) -> int:
    assert isinstance(target, _Open)  # what ``evaluate`` hands the plan
    return target.pk


def _opened(plan: EvaluationPlan) -> dict[int, Alert]:
    """The stored alerts the plan resolves, loaded and locked (one statement), by id. An alert
    resolved or acknowledged-and-resolved by someone since the snapshot is not among them: its
    step is dropped."""
    ids = [_pk(step.alert) for step in plan.steps if isinstance(step, Resolve) and not isinstance(step.alert, Fire)]
    if not ids:
        return {}
    return {
        a.pk: a
        for a in Alert.objects.select_for_update(of=("self",))
        .select_related("server", "acknowledged_by", "resolved_by")
        .filter(pk__in=ids, status__in=OPEN)
        .order_by("pk")
    }


def _write_steps(plan: EvaluationPlan) -> list[AlertEvent]:
    events: list[AlertEvent] = []
    fired: dict[Fire, Alert] = {}
    stored = _opened(plan)
    silences: ActiveSilences | None = None  # read once, if the batch fires anything

    pending: list[Fire] = []

    def fire_pending() -> None:
        """The run of new alerts since the last other step, in one INSERT, then notified in
        order (two fires of one threshold and server never stand in one run: a close or a
        drop comes between them, and the open-alert constraint holds)."""
        nonlocal silences
        if not pending:
            return
        if silences is None:
            silences = active_silences(timezone.now())
        made = fire_many([NewAlert(s.threshold, s.server_id, s.value, s.peak, s.started_at) for s in pending], silences)
        for step, alert in zip(pending, made, strict=True):
            fired[step] = alert
            events.append(notify(alert, "alert.created"))
        pending.clear()

    for step in plan.steps:
        if isinstance(step, Fire):
            pending.append(step)
            continue
        fire_pending()
        if isinstance(step, DropState):
            ThresholdState.objects.filter(pk=step.pk).delete()
            continue
        alert = fired.get(step.alert) if isinstance(step.alert, Fire) else stored.get(_pk(step.alert))
        if alert is None:
            continue  # closed by someone else since the snapshot
        alert.peak_value = step.peak  # as the batch left it (not saved: the event shows it)
        events.append(close(alert, by=None, comment=step.comment, at=step.at))
    fire_pending()
    if plan.new_states:
        ThresholdState.objects.bulk_create(
            ThresholdState(threshold_id=tpk, server_id=sid, pending_since=since, peak_value=peak)
            for tpk, sid, since, peak in plan.new_states
        )
    for pk, peak in plan.state_peaks:
        ThresholdState.objects.filter(pk=pk).update(peak_value=peak)
    for peaked, peak in plan.alert_peaks:
        pk = fired[peaked].pk if isinstance(peaked, Fire) else _pk(peaked)
        Alert.objects.filter(pk=pk, status__in=OPEN).update(peak_value=peak)
    return events


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
    silences: ActiveSilences | None = None
    with transaction.atomic():
        back = (
            Alert.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("server", "acknowledged_by", "resolved_by")
            .filter(kind=AlertKind.SERVER_OFFLINE, status__in=OPEN, server__last_seen__gte=cutoff)
        )
        for alert in back:
            events.append(close(alert, by=None, comment="the agent is back"))
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
            if silences is None:
                silences = active_silences(now)
            silence_new_alert(alert, silences)
            events.append(notify(alert, "alert.created"))
            counts["raised"] += 1
        publish_after_commit(live(events))
    return counts


# --- Repeats ------------------------------------------------------------------------------------


def _repeat_interval(alert: Alert) -> int:
    if alert.kind == AlertKind.SERVER_OFFLINE:
        return int(settings.ALERTS_OFFLINE_REPEAT_SECONDS)
    return alert.threshold.repeat_interval_seconds if alert.threshold else 0


def send_repeats(now: datetime | None = None) -> int:
    """Notify again about alerts still firing (not acknowledged, not silenced) once their
    repeat interval has passed since the last notification."""
    now = now or timezone.now()
    sent = 0
    events: list[AlertEvent] = []
    with transaction.atomic():
        candidates = (
            Alert.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("server", "threshold", "acknowledged_by", "resolved_by")
            .filter(status=AlertStatus.FIRING, silence__isnull=True)
            .filter(Q(threshold__repeat_interval_seconds__gt=0) | Q(kind=AlertKind.SERVER_OFFLINE))
        )
        for alert in candidates:
            interval = _repeat_interval(alert)
            if not interval or (alert.last_notified_at and alert.last_notified_at + timedelta(seconds=interval) > now):
                continue
            alert.last_notified_at = now
            alert.notifications_sent += 1
            alert.save(update_fields=["last_notified_at", "notifications_sent"])
            events.append(notify(alert, "alert.updated", repeat=True))
            sent += 1
        publish_after_commit(live(events))
    return sent
