"""Websocket routes: every installed app's ``routing.websocket_urlpatterns``, in app order.

Browsers' routes sit behind the origin check and authenticate with a JWT subprotocol; the agent
route cannot have an origin check (agents send no Origin) and demands its API key instead. The
wrappers are accounts' (``accounts.sockets``), which each app's ``routing.py`` uses.
"""

from __future__ import annotations

from typing import Any

from chatops.discovery import app_modules

websocket_urlpatterns: list[Any] = [
    route
    for module in app_modules("routing")
    # ``channels.routing`` is a module of that name too, without routes.
    for route in getattr(module, "websocket_urlpatterns", ())
]
