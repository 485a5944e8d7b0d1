from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from chatops.api.filters import StrictFilterSet
from servers.choices import ServerStatus
from servers.models import Server


class ServerFilter(StrictFilterSet):
    status = django_filters.ChoiceFilter(choices=ServerStatus.choices)
    tag = django_filters.CharFilter(method="filter_tag", max_length=50, help_text="Servers with this tag.")
    search = django_filters.CharFilter(
        method="filter_search", max_length=100, help_text="Matches name, hostname, IP address or description."
    )

    class Meta:
        model = Server
        fields: list[str] = []

    def filter_tag(self, queryset: QuerySet[Server], name: str, value: str) -> QuerySet[Server]:
        return queryset.filter(tags__name=value.strip().lower())

    def filter_search(self, queryset: QuerySet[Server], name: str, value: str) -> QuerySet[Server]:
        return queryset.filter(
            Q(name__icontains=value)
            | Q(hostname__icontains=value)
            | Q(ip_address__icontains=value)
            | Q(description__icontains=value)
        )
