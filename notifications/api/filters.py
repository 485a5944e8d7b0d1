from __future__ import annotations

import django_filters
from django.db.models import Case, QuerySet, Value, When

from chatops.api.filters import StrictFilterSet, UTCDateTimeFilter
from notifications.choices import NotificationStatus, Severity
from notifications.models import Delivery, Notification


class NotificationFilter(StrictFilterSet):
    status = django_filters.ChoiceFilter(choices=NotificationStatus.choices)
    type = django_filters.CharFilter(help_text="Exactly this type.")
    severity = django_filters.ChoiceFilter(choices=Severity.choices)
    start_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte", help_text="Created at or after.")
    end_date = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt", help_text="Created before.")

    class Meta:
        model = Notification
        fields: list[str] = []


class InboxFilter(StrictFilterSet):
    unread = django_filters.BooleanFilter(
        field_name="read_at", lookup_expr="isnull", help_text="true: only unread; false: only read."
    )
    unread_first = django_filters.BooleanFilter(
        method="order_unread_first", help_text="true: unread ones first, each part newest first."
    )

    class Meta:
        model = Delivery
        fields: list[str] = []

    def order_unread_first(self, queryset: QuerySet[Delivery], name: str, value: bool) -> QuerySet[Delivery]:
        if not value:
            return queryset
        unread_first = Case(When(read_at__isnull=True, then=Value(0)), default=Value(1))
        return queryset.order_by(unread_first, "-delivered_at", "-pk")
