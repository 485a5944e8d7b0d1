from typing import Literal

ServersListSort = Literal['created_at', 'hostname', 'last_seen', 'name', 'status', 'updated_at']

SERVERS_LIST_SORT_VALUES: set[ServersListSort] = { 'created_at', 'hostname', 'last_seen', 'name', 'status', 'updated_at',  }

def check_servers_list_sort(value: str) -> ServersListSort:
    if value in SERVERS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVERS_LIST_SORT_VALUES!r}")
