from typing import Literal

RoomsAllListOrder = Literal['asc', 'desc']

ROOMS_ALL_LIST_ORDER_VALUES: set[RoomsAllListOrder] = { 'asc', 'desc',  }

def check_rooms_all_list_order(value: str) -> RoomsAllListOrder:
    if value in ROOMS_ALL_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROOMS_ALL_LIST_ORDER_VALUES!r}")
