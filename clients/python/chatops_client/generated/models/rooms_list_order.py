from typing import Literal

RoomsListOrder = Literal['asc', 'desc']

ROOMS_LIST_ORDER_VALUES: set[RoomsListOrder] = { 'asc', 'desc',  }

def check_rooms_list_order(value: str) -> RoomsListOrder:
    if value in ROOMS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROOMS_LIST_ORDER_VALUES!r}")
