from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from chatops.api.filters import StrictFilterSet
from k8s.models import Node, Pod


class PodFilter(StrictFilterSet):
    """Applied by the hub to the latest snapshot (not passed to the cluster)."""

    namespace = django_filters.CharFilter(field_name="namespace", max_length=63, help_text="Exact namespace.")
    status = django_filters.CharFilter(
        method="by_status", max_length=64,
        help_text="The pod's status (Running, Pending, CrashLoopBackOff, …) or phase; case-insensitive.",
    )  # fmt: skip
    node = django_filters.CharFilter(field_name="node", max_length=253)
    ready = django_filters.BooleanFilter(field_name="ready")

    class Meta:
        model = Pod
        fields: list[str] = []

    def by_status(self, queryset: QuerySet[Pod], name: str, value: str) -> QuerySet[Pod]:
        return queryset.filter(Q(status__iexact=value) | Q(phase__iexact=value))


class NodeFilter(StrictFilterSet):
    status = django_filters.CharFilter(field_name="status", lookup_expr="iexact", max_length=16,
                                       help_text="Ready, NotReady or Unknown.")  # fmt: skip
    ready = django_filters.BooleanFilter(field_name="ready")

    class Meta:
        model = Node
        fields: list[str] = []
