"""The alerts app's chat commands: ``/alerts``, ``/ack``, ``/resolve``, each calling the service
the REST route calls, as the chat ``Actor`` of whoever typed it."""

from __future__ import annotations

from collections.abc import Callable

from rest_framework.exceptions import NotFound

from accounts.actor import Actor
from alerts import services
from alerts.models import Alert, AlertStatus
from chatops.registry import ChatCommand, ChatReply, ChatUsageError

SHOWN = 20


def _line(alert: Alert) -> str:
    since = f"{alert.started_at:%Y-%m-%d %H:%M} UTC"
    by = f" by {alert.acknowledged_by.username}" if alert.acknowledged_by else ""
    status = f"{alert.status}{by}" if alert.status == AlertStatus.ACKNOWLEDGED else alert.status
    what = f"{alert.server.name}: {alert.name} ({alert.message})"
    return f"- #{alert.pk} **{alert.severity}** {what}; {status}, since {since}"


def open_alerts(actor: Actor, arguments: list[str]) -> ChatReply:
    alerts = (
        Alert.objects.visible_to(actor.user).open().select_related("server", "acknowledged_by").order_by("-started_at")
    )
    shown = list(alerts[:SHOWN])
    if not shown:
        return ChatReply("No firing or acknowledged alerts.")
    more = alerts.count() - len(shown)
    tail = f"\n\n… and {more} more (see the alerts page)." if more > 0 else ""
    return ChatReply("Open alerts:\n\n" + "\n".join(_line(a) for a in shown) + tail)


def _alert(actor: Actor, ident: str) -> Alert:
    number = ident.lstrip("#")
    if not number.isdigit():
        raise ChatUsageError(f"{ident!r} is not an alert number")
    alert = Alert.objects.visible_to(actor.user).filter(pk=int(number)).first()
    if alert is None:
        raise NotFound(f"No alert #{number}.")
    return alert


def _act(change: Callable[[Actor, Alert, str], Alert], done: str) -> Callable[[Actor, list[str]], ChatReply]:
    def act(actor: Actor, arguments: list[str]) -> ChatReply:
        alert = change(actor, _alert(actor, arguments[0]), " ".join(arguments[1:]))
        return ChatReply(f"Alert #{alert.pk} ({alert.name} on {alert.server.name}) {done}.")

    return act


COMMANDS = (
    ChatCommand("alerts", "List the firing and acknowledged alerts.", open_alerts, max_args=0),
    ChatCommand(
        "ack", "Acknowledge a firing alert: it stops repeating.", _act(services.acknowledge, "acknowledged"),
        usage="<alert id> [comment]", least_role="operator", min_args=1,
        description="The comment is kept with the alert. Only a firing alert can be acknowledged.",
    ),
    ChatCommand(
        "resolve", "Resolve an alert by hand.", _act(services.resolve, "resolved"),
        usage="<alert id> [comment]", least_role="operator", min_args=1,
        description="If its condition still holds, the next samples open a new alert.",
    ),
)  # fmt: skip
