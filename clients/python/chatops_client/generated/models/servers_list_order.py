from typing import Literal

ServersListOrder = Literal['asc', 'desc']

SERVERS_LIST_ORDER_VALUES: set[ServersListOrder] = { 'asc', 'desc',  }

def check_servers_list_order(value: str) -> ServersListOrder:
    if value in SERVERS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVERS_LIST_ORDER_VALUES!r}")
