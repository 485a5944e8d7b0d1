from __future__ import annotations

import re

import django_filters
from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from chatops.api.fields import PY_SPACE
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter
from monitoring.api.serializers import TAG_KEY_RE
from monitoring.choices import LEVEL_RANK, RANKED_LEVELS, LogLevel
from monitoring.models import CustomMetric, LogLine


class LogLineFilter(StrictFilterSet):
    level = django_filters.MultipleChoiceFilter(
        choices=LogLevel.choices, method="filter_level", help_text="One or more levels (repeat the parameter)."
    )
    min_level = django_filters.ChoiceFilter(
        choices=RANKED_LEVELS,
        method="filter_min_level",
        help_text="This level and worse; lines of unknown level are left out (ask for them with level=unknown).",
    )
    source = django_filters.CharFilter(field_name="source", max_length=255)
    search = django_filters.CharFilter(field_name="message", lookup_expr="icontains", max_length=200)
    start = UTCDateTimeFilter(field_name="ts", lookup_expr="gte")
    end = UTCDateTimeFilter(field_name="ts", lookup_expr="lt")

    repeatable = frozenset({"level"})

    class Meta:
        model = LogLine
        fields: list[str] = []

    def filter_level(self, queryset: QuerySet[LogLine], name: str, value: list[str]) -> QuerySet[LogLine]:
        return queryset.filter(level__in=value) if value else queryset

    def filter_min_level(self, queryset: QuerySet[LogLine], name: str, value: str) -> QuerySet[LogLine]:
        allowed = [level for level, rank in LEVEL_RANK.items() if rank >= LEVEL_RANK[value]]
        return queryset.filter(level__in=allowed)


_SPACE = f"[{PY_SPACE}]*"
# A tag name as in TAG_KEY_RE, never with "__" (the key becomes part of an ORM lookup).
_TAG_PAIR = rf"{_SPACE}[a-z](?:[a-z0-9.-]|_(?!_)){{0,63}}{_SPACE}:[^,]*"
#: ``key:value[,key:value…]``, or nothing (no filter). Stated in the schema as it is.
TAGS_FILTER_PATTERN = rf"^(?:{_TAG_PAIR}(?:,{_TAG_PAIR})*|{_SPACE})$"
_TAGS_FILTER_RE = re.compile(TAGS_FILTER_PATTERN.replace("$", r"\Z"))


class CustomMetricFilter(StrictFilterSet):
    name = django_filters.CharFilter(field_name="name", max_length=100)
    server = IdFilter(field_name="server_id")
    tags = django_filters.CharFilter(method="filter_tags", max_length=500, help_text="key:value[,key:value…]")
    start = UTCDateTimeFilter(field_name="ts", lookup_expr="gte")
    end = UTCDateTimeFilter(field_name="ts", lookup_expr="lt")

    class Meta:
        model = CustomMetric
        fields: list[str] = []

    @extend_schema_field({"type": "string", "maxLength": 500, "pattern": TAGS_FILTER_PATTERN})
    def filter_tags(self, queryset: QuerySet[CustomMetric], name: str, value: str) -> QuerySet[CustomMetric]:
        condition = Q()
        for key, expected in parse_tags(value):
            condition &= Q(**{f"tags__{key}": expected})
        return queryset.filter(condition)


def parse_tags(value: str) -> list[tuple[str, str]]:
    """``key:value[,key:value…]`` as (key, value) pairs (blank: none), or a 400 naming ``tags``."""
    if not _TAGS_FILTER_RE.match(value):
        raise ValidationError({"tags": ["Use key:value pairs separated by commas; keys as in tags."]})
    tags: list[tuple[str, str]] = []
    if not value.strip():
        return tags
    for pair in value.split(","):
        key, _, expected = (part.strip() for part in pair.partition(":"))
        # Checked above, and again here: the key becomes part of an ORM lookup.
        if not TAG_KEY_RE.match(key) or "__" in key:
            raise ValidationError({"tags": ["Use key:value pairs separated by commas; keys as in tags."]})
        tags.append((key, expected))
    return tags
