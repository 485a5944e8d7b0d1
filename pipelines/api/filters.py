from __future__ import annotations

import django_filters

from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter
from pipelines.choices import DeploymentStatus, Provider, RunStatus, Verdict
from pipelines.models import Delivery, Deployment, Pipeline


class PipelineFilter(StrictFilterSet):
    repository = django_filters.CharFilter(lookup_expr="iexact", help_text="owner/name, any case.")
    branch = django_filters.CharFilter()
    status = django_filters.ChoiceFilter(choices=RunStatus.choices)
    provider = django_filters.ChoiceFilter(choices=Provider.choices)
    integration = IdFilter(field_name="integration_id")
    start_date = UTCDateTimeFilter(field_name="started_at", lookup_expr="gte", help_text="Started at or after.")
    end_date = UTCDateTimeFilter(field_name="started_at", lookup_expr="lt", help_text="Started before.")

    class Meta:
        model = Pipeline
        fields: list[str] = []


class DeploymentFilter(StrictFilterSet):
    environment = django_filters.CharFilter()
    service = django_filters.CharFilter()
    repository = django_filters.CharFilter(lookup_expr="iexact")
    status = django_filters.ChoiceFilter(choices=DeploymentStatus.choices)
    provider = django_filters.ChoiceFilter(choices=Provider.choices)
    server = IdFilter(field_name="servers", help_text="Deployments that touched this server (one you may see).")
    start_date = UTCDateTimeFilter(field_name="started_at", lookup_expr="gte", help_text="Started at or after.")
    end_date = UTCDateTimeFilter(field_name="started_at", lookup_expr="lt", help_text="Started before.")

    class Meta:
        model = Deployment
        fields: list[str] = []


class DeliveryFilter(StrictFilterSet):
    verdict = django_filters.ChoiceFilter(choices=Verdict.choices)
    event = django_filters.CharFilter()

    class Meta:
        model = Delivery
        fields: list[str] = []
