from typing import Literal

ApiKeysMeListOrder = Literal['asc', 'desc']

API_KEYS_ME_LIST_ORDER_VALUES: set[ApiKeysMeListOrder] = { 'asc', 'desc',  }

def check_api_keys_me_list_order(value: str) -> ApiKeysMeListOrder:
    if value in API_KEYS_ME_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEYS_ME_LIST_ORDER_VALUES!r}")
