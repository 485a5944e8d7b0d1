"""An OpenAPI schema that describes the responses exactly as the API sends them.

Every 2xx body is wrapped in the ``{data, message}`` envelope (lists: plus ``pagination``, see
``Pagination.get_paginated_response_schema``); every operation documents the error body for the
errors it can give; every response documents ``X-Request-ID`` and the rate-limit headers.
We fuzz the API against this schema, so it must not promise what the code does not do.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

from chatops.api.fields import NOT_BLANK_PATTERN

_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["detail", "status_code", "error_code", "errors", "request_id"],
    "properties": {
        "detail": {"type": "string"},
        "status_code": {"type": "integer"},
        "error_code": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string", "nullable": True}, "message": {"type": "string"}},
            },
        },
        "request_id": {"type": "string"},
        "data": {"description": "A 409's object on record, where there is one: the command that did not run."},
    },
}
_PAGINATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["page", "size", "total", "pages", "has_next", "has_prev"],
    "properties": {
        "page": {"type": "integer"},
        "size": {"type": "integer"},
        "total": {"type": "integer"},
        "pages": {"type": "integer"},
        "has_next": {"type": "boolean"},
        "has_prev": {"type": "boolean"},
    },
}
_ERROR_DESCRIPTIONS = {
    "400": "Bad input: the errors name the fields.",
    "401": "No credentials, or credentials that are not valid.",
    "403": "The caller's role may not do this.",
    "404": "No such object, or not one the caller may see.",
    "405": "Method not allowed.",
    "409": "A unique value is taken, or the request conflicts with the current state.",
    "413": "The body is larger than MAX_REQUEST_BODY_BYTES.",
    "415": "The body is not JSON (or form data).",
    "429": "Over the rate limit: see Retry-After.",
    "500": "Unexpected error; the request id finds it in the log.",
    "503": "A dependency is unavailable.",
}
_INT_HEADER = {"schema": {"type": "integer"}}


def _wrap(schema: dict[str, Any], *, nullable: bool = False) -> dict[str, Any]:
    data = {**schema, "nullable": True} if nullable else schema
    return {
        "type": "object",
        "required": ["data", "message"],
        "properties": {"data": data, "message": {"type": "string"}},
    }


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's AutoSchema, taught our envelope and error body."""

    #: Extra error statuses a view can give, beyond the ones every operation documents.
    extra_error_codes: tuple[str, ...] = ()

    def _component(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        self.registry.register_on_missing(component)
        return dict(component.ref)

    def _map_serializer_field(self, field: Any, direction: str, bypass_extensions: bool = False) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_serializer_field(field, direction, bypass_extensions)
        # DRF strips a string and then refuses it blank, so "\f" is as blank as "": say so,
        # unless the field's own pattern (inserted first, as drf-spectacular does later) does.
        if (
            direction == "request"
            and isinstance(field, serializers.CharField)
            and not field.allow_blank
            and field.trim_whitespace
            and schema.get("type") == "string"
            and not {"enum", "format", "anyOf"} & set(schema)
        ):
            self._insert_field_validators(field, schema)
            schema.setdefault("pattern", NOT_BLANK_PATTERN)
        return schema

    def _get_response_for_code(
        self, serializer: Any, status_code: str, media_types: Any = None, direction: str = "response"
    ) -> dict[str, Any]:
        response: dict[str, Any] = super()._get_response_for_code(serializer, status_code, media_types, direction)
        if not status_code.startswith("2"):
            return response
        self._component("Pagination", _PAGINATION_SCHEMA)
        for media in response.get("content", {}).values():
            schema = media.get("schema", {})
            if schema.get("$ref", "").startswith("#/components/schemas/Paginated"):
                continue
            if "pagination" in schema.get("properties", {}):
                continue
            media["schema"] = _wrap(schema)
        return response

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403", "404", "429", "500"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["413", "415"]
        codes += [c for c in getattr(self.view, "extra_error_codes", ()) if c not in codes]
        return codes

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if "204" in responses and self.method == "DELETE":
            # We answer a delete with 200 and the envelope (data: null), not an empty 204.
            del responses["204"]
            responses["200"] = {
                "description": "Deleted",
                "headers": self._get_response_headers_for_code("200"),
                "content": {"application/json": {"schema": _wrap({"type": "object"}, nullable=True)}},
            }
        error_ref = self._component("Error", _ERROR_SCHEMA)
        for code in self._error_codes():
            if code in responses:
                continue
            responses[code] = {
                "description": _ERROR_DESCRIPTIONS.get(code, "Error"),
                "headers": self._get_response_headers_for_code(code),
                "content": {"application/json": {"schema": error_ref}},
            }
        return responses

    def _get_response_headers_for_code(self, status_code: str, direction: str = "response") -> dict[str, Any]:
        headers: dict[str, Any] = dict(super()._get_response_headers_for_code(status_code, direction))
        headers["X-Request-ID"] = {"schema": {"type": "string"}, "description": "This request's id."}
        for name, text in (
            ("X-RateLimit-Limit", "Requests allowed in the current window of the caller's bucket."),
            ("X-RateLimit-Remaining", "Requests left in the current window."),
            ("X-RateLimit-Reset", "Unix time at which the window resets."),
        ):
            headers[name] = {**_INT_HEADER, "description": text}
        if status_code == "429":
            headers["Retry-After"] = {**_INT_HEADER, "required": True, "description": "Seconds to wait."}
        return headers


class FilterExtension(DjangoFilterExtension):
    """drf-spectacular's django-filter support, plus the ``max_length`` a text filter enforces."""

    priority = 1

    def resolve_filter_field(
        self, auto_schema: Any, model: Any, filterset_class: Any, field_name: str, filter_field: Any
    ) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        max_length = filter_field.extra.get("max_length")
        for parameter in parameters:
            if max_length is not None and parameter["schema"].get("type") == "string":
                parameter["schema"].setdefault("maxLength", max_length)
        return parameters
