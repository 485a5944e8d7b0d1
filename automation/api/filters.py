from __future__ import annotations

import django_filters

from automation.choices import RunStatus
from automation.models import PlaybookRun
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter


class RunFilter(StrictFilterSet):
    playbook = django_filters.CharFilter(field_name="playbook", max_length=200, help_text="A playbook's file name.")
    status = django_filters.MultipleChoiceFilter(
        choices=RunStatus.choices, help_text="Repeat for several: ?status=failed&status=lost."
    )
    server = IdFilter(field_name="servers", help_text="Runs that included this server (chart markers).")
    after = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte", help_text="Asked at or after.")

    repeatable = frozenset({"status"})

    class Meta:
        model = PlaybookRun
        fields: list[str] = []
