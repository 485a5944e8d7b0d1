from typing import Literal

ClientsListOrder = Literal['asc', 'desc']

CLIENTS_LIST_ORDER_VALUES: set[ClientsListOrder] = { 'asc', 'desc',  }

def check_clients_list_order(value: str) -> ClientsListOrder:
    if value in CLIENTS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENTS_LIST_ORDER_VALUES!r}")
