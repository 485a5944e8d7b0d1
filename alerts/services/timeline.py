"""An alert's timeline: what happened to it and who was told, how and when — from the alert's
own fields, the audit log (who acknowledged or resolved it, and through what), its activity
(silences, routed notifications, escalation steps) with each notification's deliveries, and
the alert emails queued for it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from accounts.models import AuditLog
from alerts.models import Alert
from alerts.routing_models import ActivityKind, AlertActivity
from notifications.models import Delivery

_ORDER = {"fired": 0, "silenced": 1, "notified": 2, "email": 2, "escalated": 3, "acknowledged": 4, "unsilenced": 5}


def _entry(at: datetime, kind: str, summary: str, **fields: Any) -> dict[str, Any]:
    return {
        "at": at,
        "type": kind,
        "summary": summary,
        "actor": None,
        "via": None,
        "comment": "",
        "silence": None,
        "route": None,
        "step": None,
        "notification": None,
        "deliveries": [],
        **fields,
    }


def _delivery(d: Delivery) -> dict[str, Any]:
    return {
        "id": d.pk,
        "kind": d.kind,
        "channel": {"id": d.channel.pk, "name": d.channel.name} if d.channel is not None else None,
        "user": d.user.username if d.user is not None else None,
        "target_id": d.target_id,
        "status": d.status,
        "attempts": d.attempts,
        "delivered_at": d.delivered_at,
        "last_error": d.last_error,
    }


def _told(deliveries: list[dict[str, Any]]) -> str:
    if not deliveries:
        return "nobody"
    kinds: dict[str, int] = {}
    for d in deliveries:
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))


def _activity(row: AlertActivity, deliveries: dict[int, list[dict[str, Any]]]) -> dict[str, Any]:
    details = row.details or {}
    # The route as it was named then (null once deleted: the summary still names it).
    route = {"id": row.route_id, "name": details.get("route", "")} if row.route_id else None
    route_name = details.get("route") or "?"
    if row.kind == ActivityKind.SILENCED:
        silence = row.silence_id or details.get("silence")
        summary = f"Silenced by silence #{silence} until {details.get('until')}"
        return _entry(row.at, "silenced", summary, silence=silence, comment=details.get("comment", ""))
    if row.kind == ActivityKind.UNSILENCED:
        why = details.get("why", "ended")
        return _entry(row.at, "unsilenced", f"Silence #{details.get('silence')} {why}", silence=details.get("silence"))
    notification = row.notification
    sent = deliveries.get(notification.pk, []) if notification is not None else []
    listed = details.get("as", "firing")
    step = details.get("step")
    if notification is None:
        told = details.get("unsent", "not sent (the notification was removed)")
    else:
        told = f"{_told(sent)} (notification #{notification.pk})"
    if row.kind == ActivityKind.ESCALATED:
        summary = f"Escalation step {step} of route {route_name}: {told}"
    else:
        reason = details.get("reason", "firing")
        summary = f"Notified as {listed} ({reason}) by route {route_name}: {told}"
    return _entry(
        row.at,
        "escalated" if row.kind == ActivityKind.ESCALATED else "notified",
        summary,
        route=route,
        step=step,
        notification=(
            {
                "id": notification.pk,
                "type": notification.type,
                "subject": notification.subject,
                "status": notification.status,
            }
            if notification is not None
            else None
        ),
        deliveries=sent,
    )


def timeline(alert: Alert) -> list[dict[str, Any]]:
    """The alert's entries, oldest first (``TimelineEntrySerializer``'s shape)."""
    entries = [_entry(alert.fired_at, "fired", f"{alert.name} fired on {alert.server.name}: {alert.message}")]
    audit = {
        entry.action: entry
        for entry in AuditLog.objects.filter(target_type=Alert._meta.label_lower, target_id=str(alert.pk)).order_by(
            "id"
        )
    }
    if alert.acknowledged_at:
        by = alert.acknowledged_by.username if alert.acknowledged_by else None
        via = audit["alert.acknowledged"].via if "alert.acknowledged" in audit else None
        summary = f"Acknowledged by {by or 'someone'}" + (f" via {via}" if via else "")
        entries.append(
            _entry(alert.acknowledged_at, "acknowledged", summary, actor=by, via=via, comment=alert.ack_comment)
        )
    if alert.resolved_at:
        by = alert.resolved_by.username if alert.resolved_by else None
        via = audit["alert.resolved"].via if "alert.resolved" in audit else None
        how = (
            f"by {by}" + (f" via {via}" if via else "") if by else f"by the hub ({alert.resolve_comment or 'cleared'})"
        )
        entries.append(
            _entry(alert.resolved_at, "resolved", f"Resolved {how}", actor=by, via=via, comment=alert.resolve_comment)
        )
    rows = list(alert.activity.select_related("notification").order_by("at", "id"))
    ids = [row.notification_id for row in rows if row.notification_id]
    deliveries: dict[int, list[dict[str, Any]]] = {}
    for d in Delivery.objects.filter(notification_id__in=ids).select_related("channel", "user").order_by("id"):
        deliveries.setdefault(d.notification_id, []).append(_delivery(d))
    entries += [_activity(row, deliveries) for row in rows]
    for email in alert.emails.order_by("id"):
        status = "sent" if email.sent_at else ("failing: " + email.last_error if email.last_error else "queued")
        entries.append(
            _entry(
                email.sent_at or email.created_at, "email",
                f"Alert email ({email.event}) to {len(email.recipients)} user(s) with alert emails on: {status}",
            )
        )  # fmt: skip
    entries.sort(key=lambda e: (e["at"], _ORDER.get(e["type"], 6)))
    return entries
