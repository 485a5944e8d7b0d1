"""Which metrics exist, what they are called for people and in which unit.

Server metrics are what agents report (docs/agent.md): the names below, some also per device
after a ``:`` (``disk_percent:/home``). Custom metrics are whatever scripts send through
``POST /metrics``, with the unit their newest point gave. A threshold names one of these; a
name that is neither never fires, so the API refuses it unless told it is expected later.
"""

from __future__ import annotations

from typing import Any, TypedDict

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Max, QuerySet

from monitoring.models import CustomMetric, LatestSample
from servers.models import Server

# name: (label, unit, reported bare). Units as a person reads them; the dashboard formats
# "%", "bytes", "bytes/s" and "s" itself. The third item says whether the agent reports the
# name without a device: temperatures come only per sensor.
AGENT_METRICS: dict[str, tuple[str, str, bool]] = {
    "cpu_percent": ("CPU", "%", True),
    "load_1": ("Load (1 min)", "", True),
    "load_5": ("Load (5 min)", "", True),
    "load_15": ("Load (15 min)", "", True),
    "memory_percent": ("Memory used", "%", True),
    "memory_used_bytes": ("Memory used", "bytes", True),
    "memory_available_bytes": ("Memory available", "bytes", True),
    "swap_percent": ("Swap used", "%", True),
    "swap_used_bytes": ("Swap used", "bytes", True),
    "disk_percent": ("Disk used", "%", True),
    "disk_read_bytes_per_s": ("Disk reads", "bytes/s", True),
    "disk_write_bytes_per_s": ("Disk writes", "bytes/s", True),
    "net_rx_bytes_per_s": ("Network in", "bytes/s", True),
    "net_tx_bytes_per_s": ("Network out", "bytes/s", True),
    "uptime_seconds": ("Uptime", "s", True),
    "process_count": ("Processes", "", True),
    "temperature_celsius": ("Temperature", "°C", False),
    "agent_rss_bytes": ("Agent memory", "bytes", True),
    "agent_cpu_percent": ("Agent CPU (of one core)", "%", True),
}
# Tag sets listed per custom metric at most: the picker offers them, it need not offer all.
MAX_TAG_SETS = 50


class Entry(TypedDict):
    name: str
    label: str
    unit: str
    kind: str
    servers: int
    tag_sets: list[dict[str, str]]


def server_metric(name: str) -> tuple[str, str] | None:
    """(label, unit) of an agent metric, per device too ("Disk used (/home)"); None if the name
    is no agent metric."""
    base, _, device = name.partition(":")
    known = AGENT_METRICS.get(base)
    if known is None:
        return None
    label, unit, _bare = known
    return (f"{label} ({device})" if device else label, unit)


def custom_unit(name: str) -> str | None:
    """The unit of the custom metric's newest point; None if there is no such metric."""
    return CustomMetric.objects.filter(name=name).order_by("-ts").values_list("unit", flat=True).first()


def label_and_unit(name: str) -> tuple[str, str]:
    """How to show a metric name: an agent metric's label and unit, a custom metric's own name
    and unit, or the name alone."""
    known = server_metric(name)
    if known is not None:
        return known
    unit = custom_unit(name)
    return name, unit or ""


def _reported_names(servers: QuerySet[Server]) -> dict[str, int]:
    """Each metric name in the servers' latest samples, with how many of them report it."""
    table = connection.ops.quote_name(LatestSample._meta.db_table)
    values = connection.ops.quote_name("values")
    try:
        subquery, params = servers.values("pk").query.sql_with_params()
    except EmptyResultSet:
        return {}
    where = f"WHERE server_id IN ({subquery})"
    if connection.vendor == "postgresql":
        sql = f"SELECT k, count(*) FROM {table}, jsonb_object_keys({values}) AS k {where} GROUP BY k"  # noqa: S608
    else:
        sql = f"SELECT j.key, count(*) FROM {table}, json_each({table}.{values}) AS j {where} GROUP BY j.key"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {str(name): int(count) for name, count in cursor.fetchall()}


def _custom_entries(user: Any) -> list[Entry]:
    points = CustomMetric.objects.visible_to(user)
    rows = points.values("name", "tags", "unit").annotate(last=Max("ts")).order_by("name")
    servers = dict(points.values("name").annotate(n=Count("server", distinct=True)).values_list("name", "n"))
    by_name: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = by_name.setdefault(row["name"], {"last": row["last"], "unit": row["unit"], "tags": []})
        if row["last"] > entry["last"]:
            entry["last"], entry["unit"] = row["last"], row["unit"]
        tags = {str(k): str(v) for k, v in sorted((row["tags"] or {}).items())}
        if tags not in entry["tags"] and len(entry["tags"]) < MAX_TAG_SETS:
            entry["tags"].append(tags)
    return [
        Entry(
            name=name,
            label=name,
            unit=found["unit"],
            kind="custom",
            servers=servers.get(name, 0),
            tag_sets=sorted(found["tags"], key=lambda tags: sorted(tags.items())),
        )
        for name, found in by_name.items()
    ]


def catalogue(user: Any) -> list[Entry]:
    """The metrics a threshold may watch, as the user may see them: every agent metric (with how
    many of the user's servers report it now), every per-device name those servers report,
    and every custom metric with the tag sets its points carry. Server metrics first, by name."""
    reported = _reported_names(Server.objects.visible_to(user))
    names = {name for name, (_l, _u, bare) in AGENT_METRICS.items() if bare} | set(reported)
    server: list[Entry] = []
    for name in sorted(names):
        label, unit = server_metric(name) or (name, "")
        server.append(
            Entry(name=name, label=label, unit=unit, kind="server", servers=reported.get(name, 0), tag_sets=[])
        )
    return server + _custom_entries(user)


def is_known(name: str) -> bool:
    """Whether a threshold on ``name`` can ever see a value: an agent metric reported bare, a
    name some server's latest sample has, or a custom metric with points."""
    known = AGENT_METRICS.get(name)
    if known is not None and known[2]:
        return True
    return LatestSample.objects.filter(values__has_key=name).exists() or CustomMetric.objects.filter(name=name).exists()
