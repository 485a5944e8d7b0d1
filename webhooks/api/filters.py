from __future__ import annotations

import django_filters

from chatops.api.filters import StrictFilterSet
from webhooks.choices import DeliveryStatus, delivery_event_choices
from webhooks.models import Delivery, Webhook


class WebhookFilter(StrictFilterSet):
    enabled = django_filters.BooleanFilter()

    class Meta:
        model = Webhook
        fields: list[str] = []


class DeliveryFilter(StrictFilterSet):
    status = django_filters.ChoiceFilter(choices=DeliveryStatus.choices)
    event = django_filters.ChoiceFilter(choices=delivery_event_choices())

    class Meta:
        model = Delivery
        fields: list[str] = []
