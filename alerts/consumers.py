"""``/api/v1/ws/alerts``: alerts as they fire, are acknowledged, repeat and resolve."""

from __future__ import annotations

from typing import Any

from alerts.events import ALERTS_GROUP
from chatops.realtime import StreamConsumer
from servers.live import visible_servers


class AlertsConsumer(StreamConsumer):
    """Every signed-in role may listen. Events: ``{"type": "alert.created" | "alert.acknowledged"
    | "alert.resolved" | "alert.updated", "alert": {...as GET /alerts/{id}}}``, for the servers
    the user may see (``servers.live``: no query per event)."""

    forwards = ("alert.created", "alert.acknowledged", "alert.resolved", "alert.updated")

    async def resolve_groups(self, user: Any) -> list[str] | None:
        self.visible = visible_servers()
        return [ALERTS_GROUP]

    async def forward(self, event: dict[str, Any]) -> None:
        server_id = event.get("alert", {}).get("server")
        if not isinstance(server_id, int) or not await self.visible.allows(self.user_id, server_id):
            return
        await self.send_json(event)
