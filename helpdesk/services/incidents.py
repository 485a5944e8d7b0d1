"""Incidents from alerts. An alert of a configured severity (``HELPDESK_INCIDENT_SEVERITIES``)
opens an incident ticket linked to it; the next alerts of the same threshold on the same
server merge into that ticket while it is unfinished; acknowledging the alert shows on the
ticket and taking the ticket acknowledges the alert; the alert's recovery resolves the ticket,
or only marks it recovered (``HELPDESK_INCIDENT_ON_RECOVERY``).

The alerts app cannot import this one, and the work is not done on the alert's own path: the
``helpdesk.incidents`` job (``sync_incidents``) takes, every few seconds, the alerts whose status
moved on since the helpdesk last acted on them (``IncidentSync``) and replays what it missed in
order (fired, acknowledged, resolved). An alert storm thus costs the ingest path nothing, and an
alert that fired and recovered between two runs still opens and resolves its incident."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.actor import Actor
from alerts.models import Alert, AlertKind, AlertStatus
from helpdesk.choices import ACTIVE, Category, Priority, Source, Status
from helpdesk.models import IncidentSync, Ticket, is_staff
from helpdesk.services import _set_status, log_event, open_ticket
from helpdesk.services.live import publish_change

log = logging.getLogger(__name__)

PRIORITY_OF_SEVERITY = {"critical": Priority.CRITICAL, "warning": Priority.HIGH, "info": Priority.MEDIUM}
#: The category of an alert, from the first word of its metric (``disk.used_percent``: disk).
CATEGORY_OF_METRIC = {
    "cpu": Category.PERFORMANCE_ISSUE,
    "load": Category.PERFORMANCE_ISSUE,
    "memory": Category.PERFORMANCE_ISSUE,
    "swap": Category.PERFORMANCE_ISSUE,
    "disk": Category.HARDWARE_ISSUE,
    "temperature": Category.HARDWARE_ISSUE,
    "network": Category.NETWORK_ISSUE,
    "net": Category.NETWORK_ISSUE,
}


def incident_key(alert: Alert) -> str:
    if alert.kind == AlertKind.SERVER_OFFLINE:
        return f"offline:server:{alert.server_id}"
    return f"threshold:{alert.threshold_id}:server:{alert.server_id}"


def category_of(alert: Alert) -> str:
    if alert.kind == AlertKind.SERVER_OFFLINE:
        return Category.SYSTEM_DOWN
    head = alert.metric.replace("_", ".").split(".", 1)[0].lower()
    return CATEGORY_OF_METRIC.get(head, Category.OTHER)


def _system() -> Actor:
    return Actor.system("helpdesk.incidents", via="system")


#: Alerts that fired longer ago than this are not looked at: a worker down for longer does
#: not open a day's worth of stale incidents when it comes back.
SYNC_WINDOW = timedelta(days=1)
SYNC_BATCH = 100
#: One run stops taking batches after this long, so that the worker's other jobs (routing,
#: deliveries) keep their pace during an alert storm; the next run goes on where it stopped.
SYNC_BUDGET_SECONDS = 1.0


def pending_alerts() -> list[Alert]:
    """Alerts whose status the helpdesk has not acted on yet: new ones of a configured severity,
    and changes of those it already knows, oldest first."""
    cutoff = timezone.now() - SYNC_WINDOW
    wanted = Q(severity__in=settings.HELPDESK_INCIDENT_SEVERITIES) | Q(incident_sync__isnull=False)
    return list(
        Alert.objects.filter(wanted, fired_at__gte=cutoff)
        .exclude(incident_sync__state=F("status"))
        .select_related("server", "acknowledged_by", "incident_sync")
        .order_by("pk")[:SYNC_BATCH]
    )


def sync_incidents(budget: float = SYNC_BUDGET_SECONDS) -> int:
    """The job: bring pending alerts' incidents up to date, batch after batch for at most
    ``budget`` seconds. Returns the alerts synced."""
    done = 0
    deadline = time.monotonic() + budget
    while batch := pending_alerts():
        for alert in batch:
            sync_alert(alert)
        done += len(batch)
        if len(batch) < SYNC_BATCH or time.monotonic() >= deadline:
            break
    return done


def sync_alert(alert: Alert) -> None:
    """Replay on the alert's incident what happened to the alert since the last sync: each step
    once, in order, and the new state written in the same transaction."""
    with transaction.atomic():
        sync, _ = IncidentSync.objects.select_for_update().get_or_create(alert=alert, defaults={"state": ""})
        seen = sync.state
        if not seen:
            open_or_merge(alert)
        if alert.acknowledged_at is not None and seen in ("", AlertStatus.FIRING):
            alert_changed(alert.pk, "acknowledged")
        if alert.status == AlertStatus.RESOLVED and seen != AlertStatus.RESOLVED:
            alert_changed(alert.pk, "resolved")
        sync.state = alert.status
        sync.save(update_fields=["state", "synced_at"])


def alert_changed(alert_id: int, event: str) -> Ticket | None:
    """What one change of an alert does to its incident."""
    alert = Alert.objects.select_related("server", "acknowledged_by").filter(pk=alert_id).first()
    if alert is None:
        return None
    if event == "created":
        return open_or_merge(alert)
    ticket = (
        Ticket.objects.filter(alert=alert).first()
        or Ticket.objects.filter(incident_key=incident_key(alert), status__in=ACTIVE).first()
    )
    if ticket is None:
        return None
    if event == "acknowledged":
        return _acknowledged(ticket, alert)
    if event == "resolved":
        return _recovered(ticket, alert)
    return ticket


def open_or_merge(alert: Alert) -> Ticket | None:
    if alert.severity not in settings.HELPDESK_INCIDENT_SEVERITIES:
        return None
    key = incident_key(alert)
    actor = _system()
    with transaction.atomic():
        existing = Ticket.objects.select_for_update().filter(incident_key=key, status__in=ACTIVE).first()
        if existing is not None:
            return _merge(existing, alert, actor)
        recovered = (
            Ticket.objects.select_for_update()
            .filter(incident_key=key, status=Status.RESOLVED, recovered_at__isnull=False)
            .order_by("-pk")
            .first()
        )
        if recovered is not None:
            # It came back: the incident resolved by its recovery is reopened, not duplicated.
            log_event(
                recovered, actor, "status", {"from": recovered.status, "to": Status.OPEN, "reason": "alert again"}
            )
            _set_status(recovered, Status.OPEN)
            recovered.save()
            return _merge(recovered, alert, actor)
        try:
            with transaction.atomic():
                ticket = open_ticket(
                    actor,
                    title=f"[{alert.severity}] {alert.name} on {alert.server.name}"[:200],
                    description=f"{alert.message}\n\nAlert #{alert.pk}, started {alert.started_at:%Y-%m-%d %H:%M:%S}.",
                    category=category_of(alert),
                    priority=PRIORITY_OF_SEVERITY.get(alert.severity, Priority.HIGH),
                    source=Source.ALERT,
                )
                ticket.alert = alert
                ticket.incident_key = key
                ticket.alert_count = 1
                ticket.save(update_fields=["alert", "incident_key", "alert_count"])
                log_event(ticket, actor, "alert", {"alert_id": alert.pk, "event": "opened"})
        except IntegrityError:  # another process opened it a moment ago: merge into that one
            existing = Ticket.objects.select_for_update().get(incident_key=key, status__in=ACTIVE)
            return _merge(existing, alert, actor)
    return ticket


def _merge(ticket: Ticket, alert: Alert, actor: Actor) -> Ticket:
    ticket.alert = alert
    ticket.alert_count += 1
    ticket.recovered_at = None
    ticket.updated_at = timezone.now()
    ticket.save(update_fields=["alert", "alert_count", "recovered_at", "updated_at"])
    log_event(ticket, actor, "alert", {"alert_id": alert.pk, "event": "merged", "count": ticket.alert_count})
    publish_change(ticket, "incident")
    return ticket


def _acknowledged(ticket: Ticket, alert: Alert) -> Ticket:
    by = alert.acknowledged_by
    actor = Actor.for_user(by, "system") if by is not None else _system()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        log_event(ticket, actor, "alert", {"alert_id": alert.pk, "event": "acknowledged", "by": by.pk if by else None})
        if ticket.status == Status.OPEN:
            log_event(
                ticket,
                actor,
                "status",
                {"from": ticket.status, "to": Status.IN_PROGRESS, "reason": "alert acknowledged"},
            )
            _set_status(ticket, Status.IN_PROGRESS)
        if ticket.assigned_to_id is None and by is not None and is_staff(by):
            log_event(ticket, actor, "assigned", {"from": None, "to": by.pk, "reason": "acknowledged the alert"})
            ticket.assigned_to = by
        ticket.updated_at = timezone.now()
        ticket.save()
        publish_change(ticket, "incident")
    return ticket


def _recovered(ticket: Ticket, alert: Alert) -> Ticket:
    actor = _system()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if ticket.alert_id != alert.pk or ticket.status not in ACTIVE:
            return ticket  # an older episode, or a ticket already finished by hand
        now = timezone.now()
        ticket.recovered_at = now
        log_event(ticket, actor, "alert", {"alert_id": alert.pk, "event": "recovered"})
        if settings.HELPDESK_INCIDENT_ON_RECOVERY == "resolve":
            log_event(
                ticket, actor, "status", {"from": ticket.status, "to": Status.RESOLVED, "reason": "alert recovered"}
            )
            _set_status(ticket, Status.RESOLVED)
        ticket.updated_at = now
        ticket.save()
        publish_change(ticket, "incident")
    return ticket


def acknowledge_alert_of(actor: Actor, ticket: Ticket) -> None:
    """Taking an incident (in progress, by an operator or admin) acknowledges its firing alert;
    support staff may not act on alerts, so their change stays on the ticket."""
    from alerts.services import AlertStateConflict, acknowledge

    if ticket.alert_id is None or actor.user is None:
        return
    alert = Alert.objects.filter(pk=ticket.alert_id, status=AlertStatus.FIRING).first()
    if alert is None or not actor.has_role("operator"):  # type: ignore[arg-type]
        return
    try:
        acknowledge(actor, alert, comment=f"Ticket #{ticket.pk} taken")
    except AlertStateConflict:
        log.info("alert %s was acknowledged meanwhile", alert.pk)
