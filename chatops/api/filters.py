"""``?sort=<field>&order=asc|desc`` for list endpoints, validated against the view's fields."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

from chatops.db import MAX_ID

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
        sort = single_param(request, "sort")
        raw_order = single_param(request, "order")
        order = raw_order.lower() if raw_order is not None else ""
        if raw_order is not None and order not in ("asc", "desc"):
            raise ValidationError({"order": ["Must be 'asc' or 'desc'."]})
        if sort is None:
            default = getattr(view, "default_sort", None)
            if default is None:
                return queryset
            sort, default_order = default.lstrip("-"), ("desc" if default.startswith("-") else "asc")
            order = order or default_order
        if sort.startswith("-") and sort[1:] in fields:
            name = sort[1:]
            raise ValidationError({"sort": [f"Give the direction apart: sort={name}&order=desc, not sort=-{name}."]})
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


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An object id: a whole number in the database's range (a float or 1e300 is a 400)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet that refuses a parameter given twice, or given empty where it is typed.

    Django would silently take the last of repeated values and ignore an empty one; a caller
    who sent them meant something, so we say it was not understood.
    """

    #: Filters that may be given more than once on purpose (``?level=error&level=warning``).
    repeatable: frozenset[str] = frozenset()

    def is_valid(self) -> bool:
        valid = super().is_valid()
        getlist = getattr(self.data, "getlist", None)
        if getlist is None:
            return valid
        for name, flt in self.filters.items():
            values = getlist(name)
            if len(values) > 1 and name not in self.repeatable:
                self.form.add_error(name, "Give this parameter once.")
            elif values == [""] and not isinstance(flt, django_filters.CharFilter):
                self.form.add_error(name, "Must not be empty.")
            elif values and isinstance(flt, django_filters.BooleanFilter) and values[0] not in ("true", "false"):
                self.form.add_error(name, "Must be 'true' or 'false'.")
        return valid and not self.form.errors


def single_param(request: Request, name: str) -> str | None:
    """A query parameter that may appear at most once."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise ValidationError({name: ["Give this parameter once."]})
    return values[0] if values else None


class UTCDateTimeField(forms.DateTimeField):
    """An ISO 8601 instant written with a year from 1970 to 9999, read as UTC when it names no zone.

    Normalised to UTC before it reaches the database: PostgreSQL refuses zone offsets beyond
    ±15:59 and years before its range, which would otherwise be a 500. The year is checked as
    written, which the schema can state (``YEAR_PATTERN``); an offset that carries the instant
    past year 9999 is clamped there, as a filter bound means the same.
    """

    def to_python(self, value: Any) -> datetime | None:
        parsed = super().to_python(value)
        if parsed is None:
            return None
        if not 1970 <= parsed.year <= 9999:
            raise forms.ValidationError("Enter a time between 1970 and 9999.")
        if timezone.is_naive(parsed):
            parsed = parsed.replace(tzinfo=UTC)
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError):
            return datetime.max.replace(tzinfo=UTC)


#: A date-time whose year, as written, is 1970 to 9999.
YEAR_PATTERN = "^(19[7-9][0-9]|[2-9][0-9]{3})-"


@extend_schema_field({"type": "string", "format": "date-time", "pattern": YEAR_PATTERN})
class UTCDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField
