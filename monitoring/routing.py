"""The monitoring app's socket routes (gathered by ``chatops.routing``)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from accounts.sockets import browser_route
from monitoring.consumers import FleetMetricsConsumer, LogsConsumer, MetricsConsumer

websocket_urlpatterns: list[Any] = [
    path("api/v1/ws/metrics", browser_route(FleetMetricsConsumer)),
    path("api/v1/ws/metrics/<int:server_id>", browser_route(MetricsConsumer)),
    path("api/v1/ws/logs/<int:server_id>", browser_route(LogsConsumer)),
]
