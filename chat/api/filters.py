"""The query parameters of ``GET /messages`` and ``GET /rooms/all``."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from chat.choices import MessageType
from chat.models import Message, Room
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter

MAX_SEARCH = 200


class MessageFilter(StrictFilterSet):
    # ``room_id`` and ``thread_id`` are read by the view: the room decides who may look
    # (404 for a private room), and no thread means the room's main flow.
    room_id = IdFilter(field_name="room_id", required=True, help_text="The room (required).")
    thread_id = IdFilter(
        field_name="thread_id",
        help_text="The replies of this thread (its first message's id). Absent: the room's main flow "
        "(messages in no thread).",
    )
    message_type = django_filters.ChoiceFilter(choices=MessageType.choices)
    start_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte", help_text="Sent at or after.")
    end_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt", help_text="Sent before.")
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=MAX_SEARCH,
        help_text="Case-insensitive substring of the content (deleted messages never match).",
    )
    before = IdFilter(field_name="id", lookup_expr="lt", help_text="Cursor: only messages older than this message id.")
    after = IdFilter(field_name="id", lookup_expr="gt", help_text="Cursor: only messages newer than this message id.")

    class Meta:
        model = Message
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet[Message], name: str, value: str) -> QuerySet[Message]:
        # icontains is UPPER(content) LIKE UPPER('%…%'): on PostgreSQL the trigram index on
        # UPPER(content) serves it (migration 0002_message_search).
        return queryset.filter(content__icontains=value, deleted_at__isnull=True)


class RoomFilter(StrictFilterSet):
    private = django_filters.BooleanFilter()
    archived = django_filters.BooleanFilter(field_name="archived_at", lookup_expr="isnull", exclude=True)
    search = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", max_length=100, help_text="Part of the name, any case."
    )

    class Meta:
        model = Room
        fields: list[str] = []
