from typing import Literal

WebhooksListOrder = Literal['asc', 'desc']

WEBHOOKS_LIST_ORDER_VALUES: set[WebhooksListOrder] = { 'asc', 'desc',  }

def check_webhooks_list_order(value: str) -> WebhooksListOrder:
    if value in WEBHOOKS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOKS_LIST_ORDER_VALUES!r}")
