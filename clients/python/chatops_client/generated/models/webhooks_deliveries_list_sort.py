from typing import Literal

WebhooksDeliveriesListSort = Literal['created_at', 'next_attempt_at', 'status']

WEBHOOKS_DELIVERIES_LIST_SORT_VALUES: set[WebhooksDeliveriesListSort] = { 'created_at', 'next_attempt_at', 'status',  }

def check_webhooks_deliveries_list_sort(value: str) -> WebhooksDeliveriesListSort:
    if value in WEBHOOKS_DELIVERIES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOKS_DELIVERIES_LIST_SORT_VALUES!r}")
