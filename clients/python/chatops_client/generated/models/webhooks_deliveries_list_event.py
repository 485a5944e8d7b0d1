from typing import Literal

WebhooksDeliveriesListEvent = Literal['alert.acknowledged', 'alert.created', 'alert.resolved', 'approval.decided', 'approval.requested', 'command.completed', 'deployment.completed', 'deployment.started', 'message.created', 'pipeline.completed', 'pipeline.failed', 'pipeline.started', 'playbook.completed', 'playbook.failed', 'server.offline', 'server.online', 'webhook.test']

WEBHOOKS_DELIVERIES_LIST_EVENT_VALUES: set[WebhooksDeliveriesListEvent] = { 'alert.acknowledged', 'alert.created', 'alert.resolved', 'approval.decided', 'approval.requested', 'command.completed', 'deployment.completed', 'deployment.started', 'message.created', 'pipeline.completed', 'pipeline.failed', 'pipeline.started', 'playbook.completed', 'playbook.failed', 'server.offline', 'server.online', 'webhook.test',  }

def check_webhooks_deliveries_list_event(value: str) -> WebhooksDeliveriesListEvent:
    if value in WEBHOOKS_DELIVERIES_LIST_EVENT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOKS_DELIVERIES_LIST_EVENT_VALUES!r}")
