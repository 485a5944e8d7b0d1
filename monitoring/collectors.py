"""The fleet on ``GET /metrics``: each server's latest sample as gauges, one family per agent
metric (``chatops_server_cpu_percent``), labelled with the server's name and id, its tags and
the metric's device (``disk_percent:/home`` → ``device="/home"``; ``""`` for the bare metric).

Two queries whatever the fleet: the latest samples with their servers, and the servers' tags.
Tags are one label, the names sorted and comma-joined (``tags="prod,web"``): Prometheus labels
are fixed names, a server's tags are not; ``{tags=~"(.*,)?prod(,.*)?"}`` selects a tag."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from prometheus_client.core import GaugeMetricFamily

from monitoring.catalog import server_metric
from monitoring.models import LatestSample
from servers.choices import ServerStatus
from servers.models import Server

LABELS = ["server", "server_id", "tags", "device"]
_NOT_NAME = re.compile(r"[^a-zA-Z0-9_]")
_names: dict[str, tuple[str, str]] = {}


def _family_name(base: str) -> tuple[str, str]:
    """The family's name and help of an agent metric, cached (a fleet repeats forty names)."""
    known = _names.get(base)
    if known is None:
        label_unit = server_metric(base)
        label, unit = label_unit if label_unit is not None else (base, "")
        help_text = f"{label} ({unit}), from each server's latest sample." if unit else f"{label}, latest sample."
        known = _names[base] = (f"chatops_server_{_NOT_NAME.sub('_', base)}", help_text)
    return known


def server_tags() -> dict[int, str]:
    tags: defaultdict[int, list[str]] = defaultdict(list)
    for server_id, name in Server.tags.through.objects.values_list("server_id", "tag__name"):
        tags[server_id].append(name)
    return {server_id: ",".join(sorted(names)) for server_id, names in tags.items()}


def collect_fleet() -> Iterator[Any]:
    tags = server_tags()
    families: dict[str, GaugeMetricFamily] = {}
    seen = GaugeMetricFamily(
        "chatops_server_sample_timestamp_seconds",
        "When each server's latest sample was taken (Unix time).",
        labels=LABELS[:3],
    )
    online = GaugeMetricFamily(
        "chatops_server_online", "1 while the server's agent is connected, else 0.", labels=LABELS[:3]
    )
    rows = LatestSample.objects.values_list("server_id", "server__name", "server__status", "ts", "values")
    for server_id, name, status, ts, values in rows.iterator(chunk_size=2000):
        ident = [name, str(server_id), tags.get(server_id, "")]
        seen.add_metric(ident, ts.timestamp())
        online.add_metric(ident, 1.0 if status == ServerStatus.ONLINE else 0.0)
        for metric, value in values.items():
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            base, _, device = metric.partition(":")
            family = families.get(base)
            if family is None:
                family_name, help_text = _family_name(base)
                family = families[base] = GaugeMetricFamily(family_name, help_text, labels=LABELS)
            family.add_metric([*ident, device], float(value))
    yield seen
    yield online
    yield from families.values()
