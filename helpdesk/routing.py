"""The helpdesk's socket routes (gathered by ``chatops.routing``)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from accounts.sockets import browser_route
from helpdesk.consumers import TicketConsumer, TicketQueueConsumer

websocket_urlpatterns: list[Any] = [
    path("api/v1/ws/tickets", browser_route(TicketQueueConsumer)),
    path("api/v1/ws/tickets/<int:ticket_id>", browser_route(TicketConsumer)),
]
