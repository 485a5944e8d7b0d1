from typing import Literal

WebhooksDeliveriesListOrder = Literal['asc', 'desc']

WEBHOOKS_DELIVERIES_LIST_ORDER_VALUES: set[WebhooksDeliveriesListOrder] = { 'asc', 'desc',  }

def check_webhooks_deliveries_list_order(value: str) -> WebhooksDeliveriesListOrder:
    if value in WEBHOOKS_DELIVERIES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOKS_DELIVERIES_LIST_ORDER_VALUES!r}")
