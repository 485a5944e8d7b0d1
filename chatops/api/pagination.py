"""Page-number pagination in the contract's shape: ``page``, ``size`` (at most 100).

A page past the end is an empty page (``has_next`` false), not an error: a list that shrank
while a client paged through it should not break the client. A malformed ``page`` or ``size``
is a 400 that names the parameter.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView
from rest_framework.response import Response

from chatops.api.envelope import envelope
from chatops.api.filters import single_param

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


def _int_param(request: Request, name: str, default: int, minimum: int, maximum: int | None) -> int:
    raw = single_param(request, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: [f"Must be a whole number, not {raw[:40]!r}."]}) from None
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise ValidationError({name: [f"Must be {bound}."]})
    return value


class Pagination(BasePagination):
    """``?page=&size=``; the response adds ``pagination`` beside ``data`` and ``message``."""

    def paginate_queryset(
        self, queryset: QuerySet[Any] | Sequence[Any], request: Request, view: APIView | None = None
    ) -> list[Any]:
        self.page = _int_param(request, "page", 1, 1, 1_000_000)
        self.size = _int_param(request, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        self.total = queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        start = (self.page - 1) * self.size
        return list(queryset[start : start + self.size])

    def get_paginated_response(self, data: Any) -> Response:
        pages = math.ceil(self.total / self.size) if self.total else 0
        return Response(
            envelope(
                data,
                "OK",
                pagination={
                    "page": self.page,
                    "size": self.size,
                    "total": self.total,
                    "pages": pages,
                    "has_next": self.page < pages,
                    "has_prev": self.page > 1,
                },
            )
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["data", "message", "pagination"],
            "properties": {
                "data": schema,
                "message": {"type": "string"},
                "pagination": {"$ref": "#/components/schemas/Pagination"},
            },
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1},
            },
            {
                "name": "size",
                "required": False,
                "in": "query",
                "description": f"Items per page, at most {MAX_PAGE_SIZE}.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                    "default": DEFAULT_PAGE_SIZE,
                },
            },
        ]
