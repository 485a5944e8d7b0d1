from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from chatops.api.filters import IdFilter, StrictFilterSet
from clients.choices import CLIENT_ROLE_CHOICES
from clients.models import Client


class ClientFilter(StrictFilterSet):
    is_active = django_filters.BooleanFilter(method="filter_active", help_text="False: the revoked ones.")
    role = django_filters.ChoiceFilter(field_name="user__role", choices=CLIENT_ROLE_CHOICES)
    team = IdFilter(field_name="team_id", help_text="A team's id.")

    class Meta:
        model = Client
        fields: list[str] = []

    def filter_active(self, queryset: QuerySet[Client], name: str, value: bool) -> QuerySet[Client]:
        active = Q(revoked_at__isnull=True, user__is_active=True)
        return queryset.filter(active) if value else queryset.exclude(active)
