"""The notifications app's socket route (gathered by ``chatops.routing``)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from accounts.sockets import browser_route
from notifications.consumers import NotificationsConsumer

websocket_urlpatterns: list[Any] = [
    path("api/v1/ws/notifications", browser_route(NotificationsConsumer)),
]
