from typing import Literal

ClientsListSort = Literal['created_at', 'last_used_at', 'name']

CLIENTS_LIST_SORT_VALUES: set[ClientsListSort] = { 'created_at', 'last_used_at', 'name',  }

def check_clients_list_sort(value: str) -> ClientsListSort:
    if value in CLIENTS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENTS_LIST_SORT_VALUES!r}")
