"""The automation app's socket routes (gathered by ``chatops.routing``)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from accounts.sockets import browser_route
from automation.consumers import PlaybookStreamConsumer

websocket_urlpatterns: list[Any] = [
    path("api/v1/ws/ansible/<int:execution_id>", browser_route(PlaybookStreamConsumer)),
]
