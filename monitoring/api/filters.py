from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError

from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter
from monitoring.api.serializers import TAG_KEY_RE
from monitoring.choices import LEVEL_RANK, LogLevel
from monitoring.models import CustomMetric, LogLine


class LogLineFilter(StrictFilterSet):
    level = django_filters.MultipleChoiceFilter(
        choices=LogLevel.choices, method="filter_level", help_text="One or more levels (repeat the parameter)."
    )
    min_level = django_filters.ChoiceFilter(
        choices=LogLevel.choices, method="filter_min_level", help_text="This level and worse."
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


class CustomMetricFilter(StrictFilterSet):
    name = django_filters.CharFilter(field_name="name", max_length=100)
    server = IdFilter(field_name="server_id")
    tags = django_filters.CharFilter(method="filter_tags", max_length=500, help_text="key:value[,key:value…]")
    start = UTCDateTimeFilter(field_name="ts", lookup_expr="gte")
    end = UTCDateTimeFilter(field_name="ts", lookup_expr="lt")

    class Meta:
        model = CustomMetric
        fields: list[str] = []

    def filter_tags(self, queryset: QuerySet[CustomMetric], name: str, value: str) -> QuerySet[CustomMetric]:
        condition = Q()
        for pair in value.split(","):
            key, sep, expected = (part.strip() for part in pair.partition(":"))
            # The key becomes part of an ORM lookup: only plain tag names, never "__".
            if not sep or not TAG_KEY_RE.match(key) or "__" in key:
                raise ValidationError({"tags": ["Use key:value pairs separated by commas; keys as in tags."]})
            condition &= Q(**{f"tags__{key}": expected})
        return queryset.filter(condition)
