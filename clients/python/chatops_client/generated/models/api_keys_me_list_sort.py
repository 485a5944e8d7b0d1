from typing import Literal

ApiKeysMeListSort = Literal['created_at', 'expires_at', 'last_used_at', 'name']

API_KEYS_ME_LIST_SORT_VALUES: set[ApiKeysMeListSort] = { 'created_at', 'expires_at', 'last_used_at', 'name',  }

def check_api_keys_me_list_sort(value: str) -> ApiKeysMeListSort:
    if value in API_KEYS_ME_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEYS_ME_LIST_SORT_VALUES!r}")
