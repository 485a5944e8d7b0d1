"""One scrape: every registered collector (``chatops.registry.metric_collectors``), in
registration order, encoded as the scraper asked. A collector that fails leaves its families
out and says so in ``chatops_collector_up``; the others are still served."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client.core import CollectorRegistry, GaugeMetricFamily
from prometheus_client.exposition import choose_encoder

from chatops import registry

logger = logging.getLogger(__name__)


class RegisteredCollectors:
    """prometheus-client's view of the apps' collectors."""

    def collect(self) -> Iterator[Any]:
        up = GaugeMetricFamily("chatops_collector_up", "1 if the collector answered this scrape.", labels=["collector"])
        seconds = GaugeMetricFamily(
            "chatops_collector_duration_seconds", "Time each collector took in this scrape.", labels=["collector"]
        )
        for entry in registry.metric_collectors.entries():
            started = time.perf_counter()
            try:
                families = list(entry.collect())
            except Exception:
                logger.exception("The metric collector %r failed", entry.name)
                families, ok = [], 0.0
            else:
                ok = 1.0
            up.add_metric([entry.name], ok)
            seconds.add_metric([entry.name], time.perf_counter() - started)
            yield from families
        yield up
        yield seconds


_registry = CollectorRegistry(auto_describe=False)
_registry.register(RegisteredCollectors())


def render(accept: str | None) -> tuple[bytes, str]:
    """The exposition and its content type, OpenMetrics when ``accept`` asks for it."""
    encoder, content_type = choose_encoder(accept or "")
    return encoder(_registry), content_type
