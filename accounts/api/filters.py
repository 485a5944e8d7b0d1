from __future__ import annotations

import django_filters

from accounts.actor import VIA_CHOICES
from accounts.choices import audit_actions
from accounts.models import APIKey, AuditLog
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter


class AuditLogFilter(StrictFilterSet):
    actor = IdFilter(field_name="actor_id", help_text="User id of the actor.")
    actor_label = django_filters.CharFilter(field_name="actor_label", lookup_expr="iexact", max_length=150)
    api_key = IdFilter(field_name="api_key_id")
    action = django_filters.ChoiceFilter(field_name="action", choices=[(a, a) for a in audit_actions()])
    via = django_filters.ChoiceFilter(field_name="via", choices=[(v, v) for v in VIA_CHOICES])
    target_type = django_filters.CharFilter(field_name="target_type", max_length=64)
    target_id = django_filters.CharFilter(field_name="target_id", max_length=64)
    start = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte")
    end = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = AuditLog
        fields: list[str] = []


class APIKeyFilter(StrictFilterSet):
    user = IdFilter(field_name="user_id")
    server = IdFilter(field_name="server_id")
    active = django_filters.BooleanFilter(method="filter_active")

    class Meta:
        model = APIKey
        fields: list[str] = []

    def filter_active(self, queryset, name, value):  # type: ignore[no-untyped-def]
        active = APIKey.objects.active()
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)
