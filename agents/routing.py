"""The agents app's socket routes (gathered by ``chatops.routing``)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from accounts.sockets import agent_route, browser_route
from agents.consumers import AgentConsumer, CommandStreamConsumer

websocket_urlpatterns: list[Any] = [
    path("api/v1/agents/ws", agent_route(AgentConsumer)),
    path("api/v1/ws/commands/<int:history_id>", browser_route(CommandStreamConsumer)),
]
