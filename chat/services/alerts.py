"""Alerts and server activity in rooms: what a room follows, the alert cards and the activity
lines.

The alerts and agents apps know nothing of chat: they send signals after commit
(``alerts.signals.alert_changed``, ``agents.signals.action_recorded``) which ``chat.alerts``
connects to ``alert_changed`` and ``action_recorded`` below.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.models import User
from accounts.services import record_audit
from accounts.teams import server_scope
from agents.models import CommandHistory
from alerts.models import Alert, AlertStatus
from alerts.representation import alert_data
from chat.choices import MessageType
from chat.models import AlertCard, AlertSubscription, Room
from chat.services.messages import post_bot_message, update_bot_message
from servers.models import who_can_see

#: The container actions a following room hears of (reading logs or the list is not an action).
CONTAINER_ACTIONS = {"start": "started", "stop": "stopped", "restart": "restarted"}
_ACTIONS = {
    AlertStatus.FIRING: ["acknowledge", "resolve"],
    AlertStatus.ACKNOWLEDGED: ["resolve"],
    AlertStatus.RESOLVED: [],
}


# --- What a room follows ------------------------------------------------------------------------


def alert_subscriptions(room: Room) -> dict[str, Any]:
    """The room's alert subscriptions and the tags whose servers' activity it follows."""
    return {
        "subscriptions": [
            {"severities": sub.severities, "tags": sub.tags} for sub in room.alert_subscriptions.order_by("id")
        ],
        "follows_activity": list(room.follows_activity),
    }


def set_alert_subscriptions(
    actor: Actor, room: Room, subscriptions: list[dict[str, list[str]]], follows_activity: list[str]
) -> dict[str, Any]:
    """Replace what the room follows (the room's owner or an admin)."""
    if not room.can_manage(actor.user):
        raise PermissionDenied("Only the room's owner or an admin may change what it follows.")
    if room.archived_at is not None:
        raise ValidationError({"room_id": ["This room is archived."]})
    clean = [{"severities": sorted(set(s["severities"])), "tags": sorted(set(s["tags"]))} for s in subscriptions]
    follows = sorted(set(follows_activity))
    _within_scope(actor, clean, follows)
    with transaction.atomic():
        room = Room.objects.select_for_update().get(pk=room.pk)
        room.alert_subscriptions.all().delete()
        AlertSubscription.objects.bulk_create(AlertSubscription(room=room, **sub) for sub in clean)
        if room.follows_activity != follows:
            room.follows_activity = follows
            room.save(update_fields=["follows_activity", "updated_at"])
        record_audit(
            "room.alerts_updated",
            actor=actor,
            target=room,
            details={"subscriptions": clean, "follows_activity": follows},
        )
    return alert_subscriptions(room)


def _within_scope(actor: Actor, subscriptions: list[dict[str, list[str]]], follows: list[str]) -> None:
    """Someone who sees only part of the fleet (their teams' tags) may make a room follow
    only that part: each subscription names tags of their scope, and so do the activity tags.
    (A room's cards reach whoever reads the room; what reaches it is capped again, when an
    alert fires, by what its owner may see: ``_seen_by_owners``.)"""
    scope = server_scope(actor.user)
    if scope.everything:
        return
    allowed = ", ".join(sorted(scope.tags)) or "none"
    errors: dict[str, Any] = {}
    for index, sub in enumerate(subscriptions):
        outside = sorted(set(sub["tags"]) - scope.tags)
        if not sub["tags"] or outside:
            what = f"Not in your teams' scope: {', '.join(outside)}." if outside else "Name the tags to follow."
            errors.setdefault("subscriptions", {})[index] = {"tags": [f"{what} Your teams see the tags: {allowed}."]}
    outside = sorted(set(follows) - scope.tags)
    if outside:
        errors["follows_activity"] = [f"Not in your teams' scope: {', '.join(outside)}. Your teams see: {allowed}."]
    if errors:
        raise ValidationError(errors)


def _seen_by_owners(rooms: dict[int, Room], server_id: int) -> dict[int, Room]:
    """Those of ``rooms`` whose owner may see the server (a room without an owner is the
    admins' to manage: kept). One query for all the owners."""
    owners = {room.owner_id for room in rooms.values() if room.owner_id is not None}
    if not owners:
        return rooms
    seeing = set(who_can_see(server_id, User.objects.filter(pk__in=owners)).values_list("pk", flat=True))
    return {pk: room for pk, room in rooms.items() if room.owner_id is None or room.owner_id in seeing}


def _rooms_following(severity: str, tags: set[str], server_id: int) -> dict[int, Room]:
    """Active rooms with a subscription that matches (few rows: matched here, not in SQL),
    whose owner may see the server."""
    subscriptions = AlertSubscription.objects.filter(room__archived_at__isnull=True).select_related("room")
    return _seen_by_owners({sub.room_id: sub.room for sub in subscriptions if sub.matches(severity, tags)}, server_id)


# --- Alert cards --------------------------------------------------------------------------------


def card_data(alert: Alert) -> dict[str, Any]:
    """What the dashboard draws an alert card from (``Message.data`` of an ``alert`` message);
    ``actions`` are the buttons the alert's state allows."""
    data = alert_data(alert)
    return {
        "alert_id": alert.pk,
        "name": alert.name,
        "kind": alert.kind,
        "status": alert.status,
        "severity": alert.severity,
        "server": {"id": alert.server_id, "name": data["server_name"]},
        "metric": alert.metric,
        "metric_label": data["metric_label"],
        "metric_unit": data["metric_unit"],
        "operator": alert.operator,
        "threshold_value": alert.threshold_value,
        "value": alert.value,
        "peak_value": alert.peak_value,
        "message": alert.message,
        "since": data["started_at"],
        "acknowledged_by": data["acknowledged_by"],
        "acknowledged_at": data["acknowledged_at"],
        "resolved_by": data["resolved_by"],
        "resolved_at": data["resolved_at"],
        "resolve_comment": alert.resolve_comment,
        "actions": _ACTIONS[AlertStatus(alert.status)],
    }


def card_text(data: dict[str, Any]) -> str:
    """The card as text (what a client without cards shows, and what search finds)."""
    text = f"**{data['severity'].upper()}** {data['name']} on {data['server']['name']}: {data['message']}"
    if data["status"] == AlertStatus.ACKNOWLEDGED:
        return f"{text} — acknowledged by {data['acknowledged_by'] or 'someone'}"
    if data["status"] == AlertStatus.RESOLVED:
        by = data["resolved_by"]
        why = f"by {by}" if by else (data["resolve_comment"] or "by itself")
        return f"{text} — resolved ({why})"
    return f"{text} — firing"


def _nothing_to_do(alert_id: int, event: str, burst: dict[str, Any] | None) -> bool:
    """Whether no card is to be posted or updated, by one cheap read — once per ``burst`` (the
    alerts one commit changed, announced together) rather than once per alert: whether any
    room follows alerts, and, while none does, which of the burst's alerts have cards."""
    if burst is None:
        if event == "created":
            return not AlertSubscription.objects.filter(room__archived_at__isnull=True).exists()
        return not AlertCard.objects.filter(alert_id=alert_id).exists()
    if "chat.following" not in burst:
        burst["chat.following"] = AlertSubscription.objects.filter(room__archived_at__isnull=True).exists()
    if burst["chat.following"]:
        # Cards may be posted by this very burst: ask per alert, as without one.
        return event != "created" and not AlertCard.objects.filter(alert_id=alert_id).exists()
    if event == "created":
        return True
    if "chat.carded" not in burst:
        ids = burst["alert_ids"]  # every alert of the burst, this one included
        burst["chat.carded"] = set(AlertCard.objects.filter(alert_id__in=ids).values_list("alert_id", flat=True))
    return alert_id not in burst["chat.carded"]


def alert_changed(alert_id: int, event: str, *, burst: dict[str, Any] | None = None) -> list[AlertCard]:
    """Bring the alert's cards up to date, and post one in each room that follows it when it
    fires. Runs after the change committed; the alert's row is locked meanwhile, so two
    changes heard at once (fired, then resolved a moment later) are applied in order and the
    card ends showing the alert's last state. Returns the cards posted or updated.

    Most alerts have nothing to do here (no room follows alerts; a card only exists once one
    did): one cheap read says so, before any lock or transaction — one per ``burst`` (a storm
    fires hundreds of alerts in one ingest batch, announced together after its commit)."""
    if _nothing_to_do(alert_id, event, burst):
        return []
    with transaction.atomic():
        alert = (
            Alert.objects.select_for_update(of=("self",))
            .select_related("server", "acknowledged_by", "resolved_by")
            .filter(pk=alert_id)
            .first()
        )
        if alert is None:
            return []
        data = card_data(alert)
        text = card_text(data)
        cards: dict[int, AlertCard | None] = {
            card.room_id: card for card in AlertCard.objects.filter(alert=alert).select_related("message")
        }
        if event == "created":
            tags = set(alert.server.tags.values_list("name", flat=True))
            cards.update(dict.fromkeys(_rooms_following(alert.severity, tags, alert.server_id).keys() - cards.keys()))
        # In room order: each write locks its room's row (the event id), and another alert's
        # cards may be written at the same time.
        for room_id, card in sorted(cards.items()):
            if card is None:
                message = post_bot_message(room_id, text, message_type=MessageType.ALERT, data=data)
                cards[room_id] = AlertCard.objects.create(room_id=room_id, alert=alert, message=message)
            elif card.message.data != data or card.message.content != text:
                update_bot_message(card.message, content=text, data=data)
    return [card for card in cards.values() if card is not None]


# --- Server activity ----------------------------------------------------------------------------


def _activity_text(history: CommandHistory, via: str) -> str | None:
    who = history.requested_by.username if history.requested_by else "the hub"
    server = history.server.name
    if history.kind == CommandHistory.Kind.COMMAND:
        command = " ".join(history.command.split())[:200]
        code = f"`` {command} ``" if "`" in command else f"`{command}`"
        what = f"ran {code} on {server}"
    elif history.action in CONTAINER_ACTIONS:
        what = f"{CONTAINER_ACTIONS[history.action]} container `{history.container}` on {server}"
    else:
        return None
    text = f"{who} {what} (via {via}, command #{history.pk})"
    if history.status == CommandHistory.Status.AGENT_OFFLINE:
        text += " — not run: the agent is offline"
    return text


def action_recorded(history_id: int, via: str) -> list[int]:
    """A command or container action done outside chat (the REST API, the dashboard, the
    admin) is posted as a system line in the rooms that follow one of its server's tags. What
    people do in a room is already there, so actions via chat are not. Returns the rooms."""
    if via == "chat":
        return []
    history = CommandHistory.objects.select_related("server", "requested_by").filter(pk=history_id).first()
    if history is None:
        return []
    text = _activity_text(history, via)
    if text is None:
        return []
    tags = set(history.server.tags.values_list("name", flat=True))
    if not tags:
        return []
    following = {
        room.pk: room
        for room in Room.objects.active().only("pk", "owner_id", "follows_activity")
        if tags & set(room.follows_activity)
    }
    rooms = sorted(_seen_by_owners(following, history.server_id))
    data = {"history_id": history.pk, "server": {"id": history.server_id, "name": history.server.name}, "via": via}
    for room_id in rooms:
        post_bot_message(room_id, text, message_type=MessageType.SYSTEM, data=data)
    return rooms
