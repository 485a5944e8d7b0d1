from typing import Literal

ApiKeysListOrder = Literal['asc', 'desc']

API_KEYS_LIST_ORDER_VALUES: set[ApiKeysListOrder] = { 'asc', 'desc',  }

def check_api_keys_list_order(value: str) -> ApiKeysListOrder:
    if value in API_KEYS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEYS_LIST_ORDER_VALUES!r}")
