"""The OpenAPI security scheme of client keys."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ClientKeyScheme(OpenApiAuthenticationExtension):
    target_class = "clients.authentication.ClientKeyAuthentication"
    name = "clientKeyAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "ck_<40 characters>",
            "description": "A client application's key: the client acts with its role and its team's scope.",
        }
