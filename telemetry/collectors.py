"""The hub's own figures (``chatops.telemetry``), summed across its processes."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily

from chatops import telemetry


def _series(totals: dict[str, float], name: str) -> Iterator[tuple[tuple[str, ...], float]]:
    for key, value in totals.items():
        found, labels = telemetry.split(key)
        if found == name:
            yield labels, value


def collect_hub() -> Iterator[Any]:
    snap = telemetry.snapshot()
    for counter in telemetry.COUNTERS:
        family = CounterMetricFamily(counter.name, counter.help, labels=list(counter.labels))
        for labels, value in sorted(_series(snap.totals, counter.name)):
            family.add_metric(list(labels), value)
        yield family
    for histogram in telemetry.HISTOGRAMS:
        counts: defaultdict[str, float] = defaultdict(float)
        for (bound,), value in _series(snap.totals, f"{histogram.name}_bucket"):
            counts[bound] += value
        cumulative, buckets = 0.0, []
        for bound in [*map(repr, histogram.buckets), "+Inf"]:
            cumulative += counts[bound]
            buckets.append((bound if bound == "+Inf" else str(float(bound)), cumulative))
        total = snap.totals.get(f"{histogram.name}_sum", 0.0)
        yield HistogramMetricFamily(histogram.name, histogram.help, buckets=buckets, sum_value=total)
    for gauge in telemetry.GAUGES:
        current = GaugeMetricFamily(gauge.name, gauge.help, labels=list(gauge.labels))
        for labels, value in sorted(_series(snap.gauges, gauge.name)):
            current.add_metric(list(labels), max(0.0, value) if math.isfinite(value) else 0.0)
        yield current
    yield GaugeMetricFamily(
        "chatops_hub_processes",
        "Hub processes (daphne, workers) that reported their figures within three flush intervals.",
        value=snap.processes,
    )
