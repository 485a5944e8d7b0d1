"""The chat app's socket route (gathered by ``chatops.routing``)."""

from __future__ import annotations

from typing import Any

websocket_urlpatterns: list[Any] = []
