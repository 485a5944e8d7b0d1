"""One scrape: every registered collector (``chatops.registry.metric_collectors``), in
registration order, encoded as the scraper asked. A collector that fails leaves its families
out and says so in ``chatops_collector_up``; the others are still served."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import choose_encoder

from chatops import registry
from chatops.telemetry import GaugeLines

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


EOF = b"# EOF\n"


class _Families:
    def __init__(self, families: list[Any]) -> None:
        self.families = families

    def collect(self) -> list[Any]:
        return self.families


def _help(text: str, openmetrics: bool) -> str:
    text = text.replace("\\", r"\\").replace("\n", r"\n")
    return text.replace('"', r"\"") if openmetrics else text


def render(accept: str | None) -> tuple[bytes, str]:
    """The exposition and its content type, OpenMetrics when ``accept`` asks for it. Families
    a collector wrote itself (``GaugeLines``) follow the others, under their ``HELP`` and
    ``TYPE``; OpenMetrics' ``# EOF`` stays last."""
    encoder, content_type = choose_encoder(accept or "")
    openmetrics = content_type.startswith("application/openmetrics-text")
    families = list(RegisteredCollectors().collect())
    written = [family for family in families if isinstance(family, GaugeLines)]
    body = encoder(_Families([family for family in families if not isinstance(family, GaugeLines)]))
    parts = [body.removesuffix(EOF) if openmetrics else body]
    for family in written:
        parts.append(f"# HELP {family.name} {_help(family.help, openmetrics)}\n# TYPE {family.name} gauge\n".encode())
        parts.append("".join(family.lines).encode())
    if openmetrics:
        parts.append(EOF)
    return b"".join(parts), content_type
