"""Live streams for browsers: one server's metrics or logs, and the whole fleet's metrics.

Each carries only what its user may see (``Server.objects.visible_to``): a server's stream is
refused (4404) or, once the user may no longer see the server, closed (4404); the fleet's
stream leaves out the servers outside the user's scope (``servers.live``)."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from chatops.realtime import CLOSE_NOT_FOUND, StreamConsumer
from monitoring.events import FLEET_METRICS_GROUP, server_logs_group, server_metrics_group
from servers.live import visible_servers
from servers.models import can_see_server


class ServerStreamConsumer(StreamConsumer):
    group_for: Any = None
    server_id: int

    async def resolve_groups(self, user: Any) -> list[str] | None:
        self.server_id = int(self.scope["url_route"]["kwargs"]["server_id"])
        if not await database_sync_to_async(can_see_server)(user, self.server_id):
            return None
        return [type(self).group_for(self.server_id)]

    async def forward(self, event: dict[str, Any]) -> None:
        if not await visible_servers().allows(self.user_id, self.server_id):
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.send_json(event)


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
    """``/api/v1/ws/metrics``: each server's newest sample and status, for the overview page,
    of the servers the user may see."""

    forwards = ("metrics.sample", "server.status")

    async def resolve_groups(self, user: Any) -> list[str] | None:
        self.visible = visible_servers()
        return [FLEET_METRICS_GROUP]

    async def forward(self, event: dict[str, Any]) -> None:
        if await self.visible.allows(self.user_id, event["server_id"]):
            await self.send_json(event)
