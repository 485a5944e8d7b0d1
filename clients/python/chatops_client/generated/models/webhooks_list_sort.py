from typing import Literal

WebhooksListSort = Literal['created_at', 'enabled', 'last_delivery_at', 'url']

WEBHOOKS_LIST_SORT_VALUES: set[WebhooksListSort] = { 'created_at', 'enabled', 'last_delivery_at', 'url',  }

def check_webhooks_list_sort(value: str) -> WebhooksListSort:
    if value in WEBHOOKS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOKS_LIST_SORT_VALUES!r}")
