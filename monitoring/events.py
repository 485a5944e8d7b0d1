"""Events pushed to browsers over the channel layer, and their group names."""

from __future__ import annotations

from typing import Literal, TypedDict

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from chatops.group_send import group_send_many

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


def publish_after_commit(messages: list[tuple[str, Event]]) -> None:
    """From synchronous code inside a transaction: publish once it commits (not at all if it
    rolls back)."""
    if messages:
        transaction.on_commit(lambda: async_to_sync(publish)(messages))


async def publish(messages: list[tuple[str, Event]]) -> None:
    """Send to groups. Call only after the data is committed: the channel layer is fan-out,
    at most once; the database holds the durable copy."""
    layer = get_channel_layer()
    if layer is None:
        return
    await group_send_many(layer, [(group, dict(event)) for group, event in messages])
