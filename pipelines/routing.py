"""The pipelines app's lean HTTP route (gathered by ``chatops.lean``): a CI system's plain
POST to a receiver skips DRF and the session, user and CSRF middleware."""

from __future__ import annotations

from chatops.lean import LeanRoute
from pipelines.api.lean import receive_delivery

http_routes = [
    LeanRoute(
        "POST",
        r"/api/v1/integrations/(?P<provider>github|gitlab|generic)/(?P<integration_id>[0-9]+)",
        receive_delivery,
        allow="POST, OPTIONS",
    ),
]
