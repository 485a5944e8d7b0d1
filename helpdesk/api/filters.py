from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter
from helpdesk.choices import Category, Priority, SLAState, Source, Status
from helpdesk.models import Ticket


class TicketFilter(StrictFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, help_text="Repeat for several: ?status=open&status=pending."
    )
    priority = django_filters.MultipleChoiceFilter(choices=Priority.choices, help_text="Repeatable.")
    category = django_filters.MultipleChoiceFilter(choices=Category.choices, help_text="Repeatable.")
    source = django_filters.ChoiceFilter(choices=Source.choices)
    sla_state = django_filters.ChoiceFilter(choices=SLAState.choices)
    needs_review = django_filters.BooleanFilter(help_text="true: the classifier was unsure.")
    assigned_to = IdFilter(field_name="assigned_to_id", help_text="The assignee's user id.")
    unassigned = django_filters.BooleanFilter(field_name="assigned_to", lookup_expr="isnull")
    created_by = IdFilter(field_name="created_by_id", help_text="The requester's user id.")
    search = django_filters.CharFilter(
        method="filter_search", max_length=200, help_text="Part of the title or the description, any case."
    )
    start_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte", help_text="Opened at or after.")
    end_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt", help_text="Opened before.")

    repeatable = frozenset({"status", "priority", "category"})

    class Meta:
        model = Ticket
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet[Ticket], name: str, value: str) -> QuerySet[Ticket]:
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))
