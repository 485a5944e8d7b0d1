"""Silences: created, changed and expired by an ``Actor`` (operators and admins, through the
REST API, ``/silence`` in chat or the dashboard's button), laid on the open alerts they match
as they begin, and lifted from them as they end.

A silenced alert keeps firing, acknowledging and resolving as before and shows ``silenced``;
it is not sent to people: routes skip it and no alert email goes out. When its silence ends
and no other holds it, an alert still firing is notified then: its route groups tell of it at
once, as firing (again, if they had before the silence), its escalation starts again, and the
alert email goes out ("silence ended"). Webhooks and the live stream carry every
alert, silenced or not, with ``silenced`` in the payload.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from alerts.matchers import compile_matchers, matcher_problems
from alerts.models import OPEN, Alert, AlertStatus
from alerts.representation import alert_data
from alerts.routing_models import ActivityKind, AlertActivity, AlertGroup, AlertGroupMember, Silence
from alerts.services.lifecycle import AlertEvent, live, queue_email
from alerts.services.silencing import ActiveSilences, active_silences, record_silenced
from chatops.api.exceptions import Conflict
from chatops.realtime import publish_after_commit


class SilenceExpired(Conflict):
    default_detail = "The silence has expired; create a new one."
    default_code = "silence_expired"


def _require_role(actor: Actor) -> None:
    """Silences are written by operators and admins, from the API and from chat alike."""
    if not actor.has_role(Role.OPERATOR):
        raise PermissionDenied("Only operators and admins may do this.")


def _changed(alert: Alert) -> AlertEvent:
    """The live event of an alert whose silence changed (pages show ``silenced``)."""
    return AlertEvent(type="alert.updated", alert=alert_data(alert))


def _open_alerts(**filters: Any) -> QuerySet[Alert]:
    return (
        Alert.objects.select_for_update(of=("self",))
        .select_related("server", "acknowledged_by", "resolved_by")
        .filter(status__in=OPEN, **filters)
        .order_by("id")
    )


def _check(matchers: Any, starts_at: datetime, ends_at: datetime, now: datetime, *, new: bool) -> None:
    problems: dict[str, list[str]] = {}
    found = matcher_problems(matchers)
    if found:
        problems["matchers"] = found
    if ends_at <= starts_at:
        problems["ends_at"] = ["Must be after starts_at."]
    elif new and ends_at <= now:
        problems["ends_at"] = ["Must be in the future."]
    if problems:
        raise ValidationError(problems)


# --- Laying and lifting -------------------------------------------------------------------------


#: Matchers that narrow the alerts read (and locked) in SQL before they are matched in Python.
_NARROWING = {"severity": "severity", "kind": "kind", "alert_name": "name__iexact", "server": "server__name__iexact"}


def _narrowed(silence: Silence) -> Q:
    q = Q()
    for matcher in silence.matchers:
        if matcher["op"] == "=" and matcher["label"] in _NARROWING:
            q &= Q(**{_NARROWING[matcher["label"]]: matcher["value"]})
    return q


def _apply(silence: Silence, now: datetime, *, skip_locked: bool = False) -> list[AlertEvent]:
    """Lay ``silence`` (active at ``now``) on the open, unsilenced alerts it matches."""
    candidates = _open_alerts(silence__isnull=True).filter(_narrowed(silence))
    if skip_locked:
        candidates = candidates.select_for_update(skip_locked=True, of=("self",))
    alerts = list(candidates)
    matched = ActiveSilences(now, [(silence, compile_matchers(silence.matchers))]).for_alerts(alerts)
    events: list[AlertEvent] = []
    held = [a for a in alerts if matched[a.pk] is not None]
    Alert.objects.filter(pk__in=[a.pk for a in held]).update(silence=silence)
    for alert in held:
        alert.silence = silence
        record_silenced(alert, silence, now)
        events.append(_changed(alert))
    return events


def _release(alerts: Sequence[Alert], now: datetime, why: str) -> list[AlertEvent]:
    """Match ``alerts`` (whose silence ended or changed) again: another active silence may
    hold them; the others are released, and notified if still firing."""
    if not alerts:
        return []
    active = active_silences(now)
    matched = active.for_alerts(list(alerts))
    events: list[AlertEvent] = []
    released: list[int] = []
    for alert in alerts:
        silence = matched[alert.pk]
        if silence is not None and silence.pk == alert.silence_id:
            continue
        before = alert.silence_id
        Alert.objects.filter(pk=alert.pk).update(silence=silence)
        alert.silence = silence
        if silence is not None:
            record_silenced(alert, silence, now)
        else:
            AlertActivity.objects.create(
                alert=alert,
                at=now,
                kind=ActivityKind.UNSILENCED,
                silence_id=before,
                details={"silence": before, "why": why},
            )
            released.append(alert.pk)
            if alert.status == AlertStatus.FIRING:
                queue_email(alert, "alert.unsilenced")
        events.append(_changed(alert))
    if released:
        # Told again as firing, at once (not a group_interval later), whether or not they were
        # told of before the silence; their escalation starts again from then.
        AlertGroupMember.objects.filter(alert_id__in=released).update(
            notified_at=None, escalation_step=0, next_escalation_at=None
        )
        AlertGroup.objects.filter(members__alert_id__in=released, next_flush_at__gt=now).update(next_flush_at=now)
    return events


def reconcile(now: datetime) -> dict[str, int]:
    """The routing job's first step: silences that began are laid on the open alerts they
    match; alerts whose silence ended are released."""
    counts = {"silences_begun": 0, "released": 0}
    for pk in Silence.objects.filter(applied=False, starts_at__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            silence = Silence.objects.select_for_update(skip_locked=True).filter(pk=pk, applied=False).first()
            if silence is None:
                continue
            events = _apply(silence, now, skip_locked=True) if silence.ends_at > now else []
            silence.applied = True
            silence.save(update_fields=["applied"])
            counts["silences_begun"] += 1
            publish_after_commit(live(events))
    with transaction.atomic():
        ended = list(_open_alerts(silence__ends_at__lte=now).select_for_update(skip_locked=True, of=("self",)))
        events = _release(ended, now, "ended")
        counts["released"] = len(events)
        publish_after_commit(live(events))
    return counts


# --- By hand ------------------------------------------------------------------------------------


def _audit_details(silence: Silence, **extra: Any) -> dict[str, Any]:
    return {
        "matchers": silence.matchers,
        "starts_at": silence.starts_at.isoformat(),
        "ends_at": silence.ends_at.isoformat(),
        "comment": silence.comment[:200],
        **extra,
    }


def create_silence(
    actor: Actor,
    *,
    matchers: list[dict[str, str]],
    ends_at: datetime,
    starts_at: datetime | None = None,
    comment: str = "",
    now: datetime | None = None,
) -> Silence:
    """A new silence; one that begins now is laid at once on the open alerts it matches."""
    _require_role(actor)
    now = now or timezone.now()
    starts_at = starts_at or now
    _check(matchers, starts_at, ends_at, now, new=True)
    with transaction.atomic():
        silence = Silence.objects.create(
            matchers=matchers, starts_at=starts_at, ends_at=ends_at, comment=comment, created_by=actor.user
        )
        events: list[AlertEvent] = []
        if starts_at <= now:
            events = _apply(silence, now)
            silence.applied = True
            silence.save(update_fields=["applied"])
        record_audit(
            "silence.created", actor=actor, target=silence, details=_audit_details(silence, alerts=len(events))
        )
        publish_after_commit(live(events))
    return silence


def update_silence(actor: Actor, silence: Silence, *, now: datetime | None = None, **fields: Any) -> Silence:
    """Change a silence that has not expired (``matchers``, ``starts_at`` while it has not
    begun, ``ends_at``, ``comment``); an ``ends_at`` already past expires it now."""
    _require_role(actor)
    now = now or timezone.now()
    with transaction.atomic():
        silence = Silence.objects.select_for_update().get(pk=silence.pk)
        if silence.state(now) == "expired":
            raise SilenceExpired()
        if "starts_at" in fields and fields["starts_at"] != silence.starts_at and silence.starts_at <= now:
            raise ValidationError({"starts_at": ["The silence has begun: its start cannot change."]})
        expire = "ends_at" in fields and fields["ends_at"] <= now
        if expire:
            fields["ends_at"] = now
        changed = {k: v for k, v in fields.items() if getattr(silence, k) != v}
        for key, value in changed.items():
            setattr(silence, key, value)
        if expire:
            silence.starts_at = min(silence.starts_at, now)
        else:
            _check(silence.matchers, silence.starts_at, silence.ends_at, now, new=False)
        silence.save()
        events: list[AlertEvent] = []
        if silence.starts_at <= now:
            events = _release(list(_open_alerts(silence=silence)), now, "expired" if expire else "changed")
            if silence.ends_at > now:
                events += _apply(silence, now)
                silence.applied = True
                silence.save(update_fields=["applied"])
        details = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in changed.items()}
        record_audit("silence.expired" if expire else "silence.updated", actor=actor, target=silence, details=details)
        publish_after_commit(live(events))
    return silence


def expire_silence(actor: Actor, silence: Silence, *, now: datetime | None = None) -> Silence:
    """End a silence now (``DELETE /silences/{id}``): the alerts it held are released."""
    _require_role(actor)
    now = now or timezone.now()
    with transaction.atomic():
        silence = Silence.objects.select_for_update().get(pk=silence.pk)
        if silence.state(now) == "expired":
            raise SilenceExpired("The silence has already expired.")
        silence.starts_at = min(silence.starts_at, now)
        silence.ends_at = now
        silence.save(update_fields=["starts_at", "ends_at", "updated_at"])
        events = _release(list(_open_alerts(silence=silence)), now, "expired")
        record_audit(
            "silence.expired", actor=actor, target=silence, details=_audit_details(silence, alerts=len(events))
        )
        publish_after_commit(live(events))
    return silence
