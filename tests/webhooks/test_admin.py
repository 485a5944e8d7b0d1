"""The console shows webhooks, deliveries and attempts, read-only, and never a secret."""

from __future__ import annotations

import pytest

from tests.helpers import admin_url
from tests.webhooks.conftest import SECRET
from webhooks.models import Delivery, DeliveryAttempt
from webhooks.services import enqueue

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivery(hook_to):
    hook_to("https://1.1.1.1/hook")
    enqueue("command.completed", {"history_id": 1})
    delivery = Delivery.objects.get()
    DeliveryAttempt.objects.create(
        delivery=delivery, number=1, started_at=delivery.created_at, duration_ms=5, status_code=500, outcome="retry"
    )
    return delivery


@pytest.mark.parametrize("model", ["webhook", "delivery", "deliveryattempt"])
def test_changelists_and_change_pages_open_without_the_secret(console, delivery, model):
    pk = {"webhook": delivery.webhook_id, "delivery": delivery.pk, "deliveryattempt": delivery.attempts.get().pk}[model]
    for page in (console.get(admin_url("webhooks", model, "changelist"), {"q": "1.1"}),
                 console.get(admin_url("webhooks", model, "change", pk))):  # fmt: skip
        assert page.status_code == 200
        assert SECRET not in page.content.decode()


@pytest.mark.parametrize("model", ["webhook", "delivery", "deliveryattempt"])
def test_nothing_is_added_from_the_console(console, model):
    assert console.get(admin_url("webhooks", model, "add")).status_code == 403
