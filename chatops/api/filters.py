"""``?sort=<field>&order=asc|desc`` for list endpoints, validated against the view's fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView


class SortFilter(BaseFilterBackend):
    """Orders by one of ``view.sort_fields`` (a name → ORM expression map or a list of names).

    ``view.default_sort`` is applied when no ``sort`` is given. The primary key is always the
    last tiebreaker, so pages never repeat or skip rows that share a sort value.
    """

    def _fields(self, view: APIView) -> dict[str, str]:
        fields = getattr(view, "sort_fields", None) or {}
        return dict(fields) if isinstance(fields, dict) else {name: name for name in fields}

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: APIView) -> QuerySet[Any]:
        fields = self._fields(view)
        if not fields:
            return queryset
        sort = request.query_params.get("sort")
        raw_order = request.query_params.get("order")
        order = raw_order.lower() if raw_order is not None else ""
        if raw_order is not None and order not in ("asc", "desc"):
            raise ValidationError({"order": ["Must be 'asc' or 'desc'."]})
        if sort is None:
            default = getattr(view, "default_sort", None)
            if default is None:
                return queryset
            sort, default_order = default.lstrip("-"), ("desc" if default.startswith("-") else "asc")
            order = order or default_order
        if sort not in fields:
            allowed = ", ".join(sorted(fields))
            raise ValidationError({"sort": [f"Cannot sort by {sort[:40]!r}; use one of: {allowed}."]})
        prefix = "-" if order == "desc" else ""
        return queryset.order_by(f"{prefix}{fields[sort]}", f"{prefix}pk")

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        fields = self._fields(view)
        if not fields:
            return []
        return [
            {
                "name": "sort",
                "required": False,
                "in": "query",
                "description": "Field to sort by.",
                "schema": {"type": "string", "enum": sorted(fields)},
            },
            {
                "name": "order",
                "required": False,
                "in": "query",
                "description": "Sort direction.",
                "schema": {"type": "string", "enum": ["asc", "desc"]},
            },
        ]
