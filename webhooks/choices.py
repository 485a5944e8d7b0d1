from django.db import models


class Event(models.TextChoices):
    """What a webhook may subscribe to."""

    ALERT_CREATED = "alert.created", "Alert created"
    ALERT_ACKNOWLEDGED = "alert.acknowledged", "Alert acknowledged"
    ALERT_RESOLVED = "alert.resolved", "Alert resolved"
    SERVER_OFFLINE = "server.offline", "Server offline"
    SERVER_ONLINE = "server.online", "Server online"
    COMMAND_COMPLETED = "command.completed", "Command completed"


#: The ping sent by ``POST /webhooks/{id}/test``: every webhook gets it, none subscribes to it.
TEST_EVENT = "webhook.test"
DELIVERY_EVENTS = [*Event.choices, (TEST_EVENT, "Test ping")]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class Outcome(models.TextChoices):
    """How one attempt ended."""

    SUCCEEDED = "succeeded", "Succeeded"
    RETRY = "retry", "Failed, will retry"
    FAILED = "failed", "Failed for good"
