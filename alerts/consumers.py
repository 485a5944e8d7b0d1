"""``/api/v1/ws/alerts``: alerts as they fire, are acknowledged, repeat and resolve."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from alerts.events import ALERTS_GROUP
from chatops.realtime import StreamConsumer
from servers.models import can_see_server


class AlertsConsumer(StreamConsumer):
    """Every signed-in role may listen. Events: ``{"type": "alert.created" | "alert.acknowledged"
    | "alert.resolved" | "alert.updated", "alert": {...as GET /alerts/{id}}}``, for the servers
    the user may see."""

    forwards = ("alert.created", "alert.acknowledged", "alert.resolved", "alert.updated")

    async def resolve_groups(self, user: Any) -> list[str] | None:
        return [ALERTS_GROUP]

    async def forward(self, event: dict[str, Any]) -> None:
        user = self.scope["user"]
        server_id = event.get("alert", {}).get("server")
        if server_id is None or not await database_sync_to_async(can_see_server)(user, server_id):
            return
        await self.send_json(event)
