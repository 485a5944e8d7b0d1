from __future__ import annotations

import django_filters

from agents.models import CommandHistory
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter


class CommandHistoryFilter(StrictFilterSet):
    status = django_filters.ChoiceFilter(choices=CommandHistory.Status.choices)
    kind = django_filters.ChoiceFilter(choices=CommandHistory.Kind.choices)
    requested_by = IdFilter(field_name="requested_by_id")
    start = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte")
    end = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = CommandHistory
        fields: list[str] = []
