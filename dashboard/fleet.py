"""The seed's dashboard figures for the fleet the caller sees, from the existing tables: each
server's newest sample (``monitoring.LatestSample``), the 1-minute and 1-hour rollups, the log
lines, the open alerts and the unfinished tickets. A handful of queries, none per server."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from alerts.models import Alert
from helpdesk.models import Ticket
from monitoring.models import LatestSample, LogLine, MetricRollup
from servers.models import Server

HISTORY_METRICS = {"cpu_history": "cpu_percent", "memory_history": "memory_percent", "disk_history": "disk_percent"}
RECENT = 10


def _disk(values: dict[str, Any]) -> float | None:
    """The fullest disk of a server (``disk_percent`` or ``disk_percent:<mount>``)."""
    found = [v for k, v in values.items() if (k == "disk_percent" or k.startswith("disk_percent:")) and v is not None]
    return max(found) if found else None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def health(user: Any) -> dict[str, Any]:
    servers = Server.objects.visible_to(user)
    latest = list(LatestSample.objects.filter(server__in=servers).values_list("values", flat=True))
    cpu = [v["cpu_percent"] for v in latest if v.get("cpu_percent") is not None]
    memory = [v["memory_percent"] for v in latest if v.get("memory_percent") is not None]
    disk = [d for v in latest if (d := _disk(v)) is not None]
    uptime = [v["uptime_seconds"] / 3600 for v in latest if v.get("uptime_seconds") is not None]
    return {
        "cpu_usage": _mean(cpu),
        "memory_usage": _mean(memory),
        "disk_usage": _mean(disk),
        "uptime_hours": _mean(uptime),
        "active_alerts": Alert.objects.visible_to(user).open().count(),
        "open_tickets": Ticket.objects.visible_to(user).active().count(),
        "servers": servers.count(),
        "reporting": len(latest),
    }


def _history(servers: Any, metric: str, since: datetime, resolution: int) -> list[dict[str, Any]]:
    rows = (
        MetricRollup.objects.filter(server__in=servers, metric=metric, resolution=resolution, bucket__gte=since)
        .values("bucket")
        .annotate(total=Sum("sum"), n=Sum("count"))
        .order_by("bucket")
    )
    return [{"timestamp": r["bucket"], "value": round(r["total"] / r["n"], 2)} for r in rows if r["n"]]


def metrics(user: Any, hours: int) -> dict[str, Any]:
    """``health`` plus the fleet's mean CPU, memory and disk per minute (up to 6 hours) or per
    hour (beyond), the latest alerts and tickets."""
    since = timezone.now() - timedelta(hours=hours)
    resolution = 60 if hours <= 6 else 3600
    servers = Server.objects.visible_to(user)
    alerts = Alert.objects.visible_to(user).select_related("server").order_by("-started_at")[:RECENT]
    tickets = Ticket.objects.visible_to(user).order_by("-created_at")[:RECENT]
    return {
        "system_health": health(user),
        **{key: _history(servers, metric, since, resolution) for key, metric in HISTORY_METRICS.items()},
        "recent_alerts": [
            {
                "id": a.pk,
                "name": a.name,
                "severity": a.severity,
                "status": a.status,
                "server": a.server_id,
                "server_name": a.server.name,
                "message": a.message,
                "started_at": a.started_at,
            }
            for a in alerts
        ],
        "recent_tickets": [
            {
                "id": t.pk,
                "title": t.title,
                "status": t.status,
                "priority": t.priority,
                "category": t.category,
                "created_at": t.created_at,
            }
            for t in tickets
        ],
    }


def logs(user: Any, *, level: str | None, source: str | None, limit: int) -> list[dict[str, Any]]:
    lines = LogLine.objects.filter(server__in=Server.objects.visible_to(user)).select_related("server")
    if level:
        lines = lines.filter(level=level)
    if source:
        lines = lines.filter(source=source)
    return [
        {
            "id": line.pk,
            "level": line.level.upper(),
            "message": line.message,
            "source": line.source,
            "hostname": line.server.hostname,
            "server": line.server_id,
            "timestamp": line.ts,
            "metadata": "{}",
        }
        for line in lines.order_by("-ts", "-pk")[:limit]
    ]
