from __future__ import annotations

import django_filters

from approvals.models import Approval, Kind, Status
from chatops.api.filters import IdFilter, StrictFilterSet


class ApprovalFilter(StrictFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, help_text="Repeat for several: ?status=pending&status=approved."
    )
    kind = django_filters.MultipleChoiceFilter(choices=Kind.choices, help_text="Repeatable.")
    server = IdFilter(field_name="server_id")

    repeatable = frozenset({"status", "kind"})

    class Meta:
        model = Approval
        fields: list[str] = []
