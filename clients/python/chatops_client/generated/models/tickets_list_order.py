from typing import Literal

TicketsListOrder = Literal['asc', 'desc']

TICKETS_LIST_ORDER_VALUES: set[TicketsListOrder] = { 'asc', 'desc',  }

def check_tickets_list_order(value: str) -> TicketsListOrder:
    if value in TICKETS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_ORDER_VALUES!r}")
