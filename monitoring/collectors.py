"""The fleet on ``GET /metrics``: each server's latest sample as gauges, one family per agent
metric (``chatops_server_cpu_percent``), labelled with the metric's device
(``disk_percent:/home`` → ``device="/home"``; ``""`` for the bare metric) and the server's name,
id and tags.

Two queries whatever the fleet: the latest samples with their servers, and the servers' tags.
The samples' JSON is read as text and parsed with orjson, and the lines are written here (a
server's labels once for all its metrics, ``chatops.telemetry.GaugeLines``): through Django's
JSON field and prometheus-client's objects, 1,000 servers x 40 metrics took seconds
(bench/README.md, metrics). Writing the lines in PostgreSQL instead (``jsonb_each`` and
``string_agg`` grouped by family) was slower still: ~400 ms, its sorts spilling to disk.

Tags are one label, the names sorted and comma-joined (``tags="eu,prod"``): Prometheus labels
are fixed names, a server's tags are not; ``{tags=~"(.*,)?prod(,.*)?"}`` selects a tag."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import orjson
from django.db.models import TextField
from django.db.models.functions import Cast

from chatops.telemetry import GaugeLines, label_value, labels
from monitoring.catalog import server_metric
from monitoring.models import LatestSample
from servers.choices import ServerStatus
from servers.models import Server

_NOT_NAME = re.compile(r"[^a-zA-Z0-9_]")
_names: dict[str, tuple[str, str]] = {}


def _family(base: str) -> tuple[str, str]:
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


#: JSON number types as orjson gives them (``bool`` is not one; JSON has no NaN or infinity).
_NUMBERS = frozenset({int, float})


def collect_fleet() -> Iterator[Any]:
    tags = server_tags()
    seen = GaugeLines(
        "chatops_server_sample_timestamp_seconds", "When each server's latest sample was taken (Unix time)."
    )
    online = GaugeLines("chatops_server_online", "1 while the server's agent is connected, else 0.")
    families: dict[str, GaugeLines] = {}
    # Each metric key's family lines and line start (``name{device="…",``): one lookup a sample.
    starts: dict[str, tuple[list[str], str]] = {}
    rows = LatestSample.objects.annotate(raw=Cast("values", TextField())).values_list(
        "server_id", "server__name", "server__status", "ts", "raw"
    )
    # One fetch (1,000 rows are ~1 MB): a server-side cursor's batches were round trips more.
    for server_id, name, status, ts, raw in rows:
        server = labels(server=name, server_id=str(server_id), tags=tags.get(server_id, ""))
        seen.lines.append(f"{seen.name}{{{server}}} {ts.timestamp()!r}\n")
        online.lines.append(f"{online.name}{{{server}}} {1 if status == ServerStatus.ONLINE else 0}\n")
        for metric, value in orjson.loads(raw).items():
            if value.__class__ not in _NUMBERS:
                continue  # what validation let through is numbers; anything else is not a gauge
            known = starts.get(metric)
            if known is None:
                base, _, device = metric.partition(":")
                family = families.get(base)
                if family is None:
                    family = families[base] = GaugeLines(*_family(base))
                known = starts[metric] = (family.lines, f'{family.name}{{device="{label_value(device)}",')
            known[0].append(f"{known[1]}{server}}} {value!r}\n")
    yield seen
    yield online
    yield from families.values()
