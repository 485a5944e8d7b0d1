"""The alerts app's chat commands: ``/alerts``, ``/ack``, ``/resolve``, ``/silence``,
``/unsilence``, each calling the service the REST route calls, as the chat ``Actor`` of whoever
typed it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone
from rest_framework.exceptions import NotFound

from accounts.actor import Actor
from alerts import services
from alerts.models import OPEN, Alert, AlertStatus
from alerts.routing_models import MatchLabel, MatchOp, Silence
from alerts.services import silences
from chatops.registry import ChatCommand, ChatReply, ChatUsageError
from servers.models import Server

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


_DURATION = re.compile(r"(?:(\d{1,4})d)?(?:(\d{1,5})h)?(?:(\d{1,6})m)?(?:(\d{1,7})s)?")
#: The longest silence a chat command sets (the REST API sets any).
MAX_SILENCE = timedelta(days=365)


def parse_duration(text: str) -> timedelta | None:
    """``90s``, ``30m``, ``2h``, ``1d``, ``1h30m``: a positive duration of at most a year."""
    match = _DURATION.fullmatch(text.strip().lower())
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    duration = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return duration if timedelta(0) < duration <= MAX_SILENCE else None


def silence(actor: Actor, arguments: list[str]) -> ChatReply:
    """``/silence <alert id|server> <duration> [comment]``: an alert's id silences that alert
    (its name on its server, so its next episodes too while the silence lasts); a server's
    name silences every alert of that server."""
    target, duration_text, *comment = arguments
    duration = parse_duration(duration_text)
    if duration is None:
        raise ChatUsageError(f"{duration_text!r} is not a duration (90s, 30m, 2h, 1d, 1h30m; at most 365d)")
    if target.lstrip("#").isdigit():
        alert = _alert(actor, target)
        what = f"{alert.name} on {alert.server.name}"
        matchers = [
            {"label": MatchLabel.ALERT_NAME.value, "op": MatchOp.EQ.value, "value": alert.name},
            {"label": MatchLabel.SERVER.value, "op": MatchOp.EQ.value, "value": alert.server.name},
        ]
    else:
        server = Server.objects.visible_to(actor.user).filter(name__iexact=target).first()  # type: ignore[arg-type]
        if server is None:
            raise NotFound(f"No server {target[:100]!r}.")
        what = f"every alert of {server.name}"
        matchers = [{"label": MatchLabel.SERVER.value, "op": MatchOp.EQ.value, "value": server.name}]
    made = silences.create_silence(
        actor, matchers=matchers, ends_at=timezone.now() + duration, comment=" ".join(comment)[:500]
    )
    held = made.alerts.filter(status__in=OPEN).count()
    return ChatReply(
        f"Silenced {what} until {made.ends_at:%Y-%m-%d %H:%M} UTC (silence #{made.pk}, "
        f"{held} open alert(s) held). `/unsilence {made.pk}` ends it sooner."
    )


def unsilence(actor: Actor, arguments: list[str]) -> ChatReply:
    number = arguments[0].lstrip("#")
    if not number.isdigit():
        raise ChatUsageError(f"{arguments[0]!r} is not a silence number")
    found = Silence.objects.filter(pk=int(number)).first()
    if found is None:
        raise NotFound(f"No silence #{number}.")
    silences.expire_silence(actor, found)
    return ChatReply(f"Silence #{found.pk} expired: its alerts are sent again.")


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
    ChatCommand(
        "silence", "Silence an alert, or a server's alerts, for a while: they are not sent.", silence,
        usage="<alert id|server> <duration> [comment]", least_role="operator", min_args=2,
        description="An alert id (#42) silences that alert on its server, its next episodes too; a server's "
        "name silences all its alerts. Durations: 90s, 30m, 2h, 1d, 1h30m. The alerts still show, marked "
        "silenced; one still firing when the silence ends is sent then.",
    ),
    ChatCommand(
        "unsilence", "End a silence now.", unsilence,
        usage="<silence id>", least_role="operator", min_args=1, max_args=1,
    ),
)  # fmt: skip
