"""Live streams for browsers: one server's metrics or logs, and the whole fleet's metrics."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from chatops.realtime import StreamConsumer
from monitoring.events import FLEET_METRICS_GROUP, server_logs_group, server_metrics_group
from servers.models import can_see_server


class ServerStreamConsumer(StreamConsumer):
    group_for: Any = None

    async def resolve_groups(self, user: Any) -> list[str] | None:
        server_id = int(self.scope["url_route"]["kwargs"]["server_id"])
        if not await database_sync_to_async(can_see_server)(user, server_id):
            return None
        return [type(self).group_for(server_id)]


class MetricsConsumer(ServerStreamConsumer):
    """``/api/v1/ws/metrics/{server_id}``: every committed sample of one server, and its
    status changes."""

    forwards = ("metrics.sample", "server.status")
    group_for = staticmethod(server_metrics_group)


class LogsConsumer(ServerStreamConsumer):
    """``/api/v1/ws/logs/{server_id}``: every committed log line of one server."""

    forwards = ("logs.lines",)
    group_for = staticmethod(server_logs_group)


class FleetMetricsConsumer(StreamConsumer):
    """``/api/v1/ws/metrics``: each server's newest sample and status, for the overview page."""

    forwards = ("metrics.sample", "server.status")

    async def resolve_groups(self, user: Any) -> list[str] | None:
        return [FLEET_METRICS_GROUP]
