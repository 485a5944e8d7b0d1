from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from chatbot.models import FAQ, SESSION_MAX, ChatLog
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter
from chatops.tags import TAG_MAX_LENGTH


class FAQFilter(StrictFilterSet):
    search = django_filters.CharFilter(method="search_text", max_length=200, help_text="In questions and answers.")
    category = django_filters.CharFilter(lookup_expr="iexact", max_length=64, help_text="This category (any case).")
    tags = django_filters.CharFilter(
        method="with_tags",
        max_length=TAG_MAX_LENGTH,
        help_text="FAQs with this tag (any case); repeat for FAQs with all of them.",
    )
    is_active = django_filters.BooleanFilter()
    repeatable = frozenset({"tags"})

    class Meta:
        model = FAQ
        fields: list[str] = []

    def search_text(self, queryset: QuerySet[FAQ], name: str, value: str) -> QuerySet[FAQ]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(question__icontains=value) | Q(answer__icontains=value))

    def with_tags(self, queryset: QuerySet[FAQ], name: str, value: str) -> QuerySet[FAQ]:
        # Every value given (``?tags=a&tags=b``): the filter sees the last only, so read them all.
        for tag in self.data.getlist("tags") if hasattr(self.data, "getlist") else [value]:
            # The JSON text of the list holds each tag in quotes; tags are plain [a-z0-9._:-].
            queryset = queryset.filter(tags__icontains=f'"{tag.strip().lower()}"')
        return queryset


class ChatLogFilter(StrictFilterSet):
    session_id = django_filters.CharFilter(max_length=SESSION_MAX)
    escalated_only = django_filters.BooleanFilter(
        method="only_escalated", help_text="true: only handed-over questions."
    )
    user_id = IdFilter(field_name="user_id", help_text="Asked by this user.")
    start_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte", help_text="At or after.")
    end_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt", help_text="Before.")

    class Meta:
        model = ChatLog
        fields: list[str] = []

    def only_escalated(self, queryset: QuerySet[ChatLog], name: str, value: bool) -> QuerySet[ChatLog]:
        return queryset.filter(was_escalated=True) if value else queryset
