"""Websocket routes. Browsers' routes sit behind the origin check and authenticate with a JWT
subprotocol; the agent route cannot have an origin check (agents send no Origin) and demands
its API key instead."""

from __future__ import annotations

from typing import Any

from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from agents.consumers import AgentConsumer
from alerts.consumers import AlertsConsumer
from chatops.ws_auth import APIKeyAuthMiddleware, JWTSubprotocolAuthMiddleware
from monitoring.consumers import CommandStreamConsumer, FleetMetricsConsumer, LogsConsumer, MetricsConsumer


def browser(consumer: Any) -> Any:
    return AllowedHostsOriginValidator(JWTSubprotocolAuthMiddleware(consumer.as_asgi()))


websocket_urlpatterns: list[Any] = [
    path("api/v1/agents/ws", APIKeyAuthMiddleware(AgentConsumer.as_asgi())),
    path("api/v1/ws/metrics", browser(FleetMetricsConsumer)),
    path("api/v1/ws/metrics/<int:server_id>", browser(MetricsConsumer)),
    path("api/v1/ws/logs/<int:server_id>", browser(LogsConsumer)),
    path("api/v1/ws/commands/<int:history_id>", browser(CommandStreamConsumer)),
    path("api/v1/ws/alerts", browser(AlertsConsumer)),
]
