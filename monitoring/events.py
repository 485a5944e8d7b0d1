"""Events pushed to browsers over the channel layer, and their group names (published with
``chatops.realtime.publish_after_commit``)."""

from __future__ import annotations

from typing import Literal, TypedDict

FLEET_METRICS_GROUP = "fleet.metrics"


def server_metrics_group(server_id: int) -> str:
    return f"server.{server_id}.metrics"


def server_logs_group(server_id: int) -> str:
    return f"server.{server_id}.logs"


class MetricsSampleEvent(TypedDict):
    type: Literal["metrics.sample"]
    server_id: int
    ts: float  # unix seconds
    values: dict[str, float]


class LogLineOut(TypedDict):
    ts: float
    level: str
    source: str
    message: str


class LogsLinesEvent(TypedDict):
    type: Literal["logs.lines"]
    server_id: int
    lines: list[LogLineOut]


class ServerStatusEvent(TypedDict):
    type: Literal["server.status"]
    server_id: int
    status: str
    last_seen: float | None


Event = MetricsSampleEvent | LogsLinesEvent | ServerStatusEvent
