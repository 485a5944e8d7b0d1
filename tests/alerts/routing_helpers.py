"""Helpers for the routing tests: servers that breach a threshold through the real ingest
path, routes and policies made through the services, and the notifications they led to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from accounts.actor import Actor
from alerts.models import Alert, Threshold
from alerts.routing_models import AlertRoute, EscalationPolicy
from alerts.services import routes
from monitoring.ingest import FrameIn, record_samples
from notifications.models import Delivery, Notification
from servers.models import Server, Tag
from tests.factories import ServerFactory

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_seq: dict[int, int] = {}


def servers(count: int, *tags: str, prefix: str = "web") -> list[Server]:
    made: list[Server] = [ServerFactory.create(name=f"{prefix}-{i + 1:02d}") for i in range(count)]
    for tag in tags:
        found = Tag.objects.get_or_create(name=tag)[0]
        for server in made:
            server.tags.add(found)
    return made


def cpu_threshold(**fields: Any) -> Threshold:
    defaults = {
        "name": "High CPU",
        "metric": "cpu_percent",
        "operator": ">",
        "value": 90.0,
        "duration_seconds": 0,
        "severity": "critical",
        "scope": "all",
    }
    return Threshold.objects.create(**{**defaults, **fields})


def samples(hosts: list[Server], at: float = 0, **values: float) -> list[Any]:
    """One sample per server, all in one ingest batch (they breach "at once"). Returns the
    batch's live alert events."""
    frames = []
    for server in hosts:
        _seq[server.pk] = _seq.get(server.pk, 0) + 1
        data: Any = {
            "type": "data",
            "seq": _seq[server.pk],
            "samples": [{"ts": (T0 + timedelta(seconds=at)).timestamp(), "values": values}],
            "logs": [],
            "dropped": {"samples": 0, "logs": 0},
        }
        frames.append(FrameIn(server.pk, f"stream-{server.pk}", data))
    return [event for _group, event in record_samples(frames).events if event["type"].startswith("alert.")]


def breach(hosts: list[Server], at: float = 0) -> list[Alert]:
    samples(hosts, at, cpu_percent=99.0)
    return list(Alert.objects.filter(server__in=hosts, status="firing").order_by("server__name"))


def clear(hosts: list[Server], at: float = 1) -> None:
    samples(hosts, at, cpu_percent=10.0)


def route(admin: Any, **fields: Any) -> AlertRoute:
    fields.setdefault("name", f"route {AlertRoute.objects.count() + 1}")
    return routes.create_route(Actor.for_user(admin, "api"), **fields)


def policy(admin: Any, steps: list[dict[str, Any]], name: str = "on-call") -> EscalationPolicy:
    full = [{"users": [], "teams": [], "channels": [], "chat_rooms": [], **step} for step in steps]
    return routes.create_policy(Actor.for_user(admin, "api"), name=name, steps=full)


def notifications(**filters: Any) -> list[Notification]:
    return list(Notification.objects.filter(**filters).order_by("id"))


def deliveries(notification: Notification) -> list[tuple[str, Any]]:
    """(kind, who) of each delivery: the user's name, the channel's name or the target id."""
    out: list[tuple[str, Any]] = []
    for d in Delivery.objects.filter(notification=notification).select_related("user", "channel").order_by("id"):
        who = d.channel.name if d.channel else (d.user.username if d.user else d.target_id)
        out.append((d.kind, who))
    return sorted(out, key=str)


def after(base: datetime, seconds: float) -> datetime:
    return base + timedelta(seconds=seconds)
