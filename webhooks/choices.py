"""The webhooks app's choices. The event types a webhook may subscribe to are not listed here:
each app registers its own (``chatops.registry.register_webhook_events``, from its ``apps.py``),
and the functions below read them, in registration order."""

from django.db import models

from chatops import registry

#: The ping sent by ``POST /webhooks/{id}/test``: every webhook gets it, none subscribes to it.
TEST_EVENT = "webhook.test"
TEST_EVENT_LABEL = "Test ping"


def event_choices() -> list[tuple[str, str]]:
    """What a webhook may subscribe to: every registered event type with its label."""
    return [(event.name, event.label) for event in registry.webhook_events.entries()]


def delivery_event_choices() -> list[tuple[str, str]]:
    """What a delivery may carry: the registered event types and the test ping."""
    return [*event_choices(), (TEST_EVENT, TEST_EVENT_LABEL)]


def is_event(name: str) -> bool:
    return name in registry.webhook_events


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class Outcome(models.TextChoices):
    """How one attempt ended."""

    SUCCEEDED = "succeeded", "Succeeded"
    RETRY = "retry", "Failed, will retry"
    FAILED = "failed", "Failed for good"
