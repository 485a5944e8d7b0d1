from __future__ import annotations

import django_filters

from alerts.models import Alert, AlertKind, AlertStatus, Severity
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter


class AlertFilter(StrictFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=AlertStatus.choices, help_text="Repeat for several: ?status=firing&status=acknowledged."
    )
    severity = django_filters.MultipleChoiceFilter(choices=Severity.choices, help_text="Repeatable.")
    kind = django_filters.ChoiceFilter(choices=AlertKind.choices)
    server = IdFilter(field_name="server_id")
    threshold = IdFilter(field_name="threshold_id")
    start = UTCDateTimeFilter(field_name="started_at", lookup_expr="gte", help_text="Alerts that began at or after.")
    end = UTCDateTimeFilter(field_name="started_at", lookup_expr="lt", help_text="Alerts that began before.")

    repeatable = frozenset({"status", "severity"})

    class Meta:
        model = Alert
        fields: list[str] = []
