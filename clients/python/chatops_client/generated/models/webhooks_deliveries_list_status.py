from typing import Literal

WebhooksDeliveriesListStatus = Literal['failed', 'pending', 'succeeded']

WEBHOOKS_DELIVERIES_LIST_STATUS_VALUES: set[WebhooksDeliveriesListStatus] = { 'failed', 'pending', 'succeeded',  }

def check_webhooks_deliveries_list_status(value: str) -> WebhooksDeliveriesListStatus:
    if value in WEBHOOKS_DELIVERIES_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOKS_DELIVERIES_LIST_STATUS_VALUES!r}")
