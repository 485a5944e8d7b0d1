from typing import Literal

ApiKeysListSort = Literal['created_at', 'expires_at', 'last_used_at', 'name']

API_KEYS_LIST_SORT_VALUES: set[ApiKeysListSort] = { 'created_at', 'expires_at', 'last_used_at', 'name',  }

def check_api_keys_list_sort(value: str) -> ApiKeysListSort:
    if value in API_KEYS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEYS_LIST_SORT_VALUES!r}")
