from typing import Literal

TicketsCategoryRoutesListOrder = Literal['asc', 'desc']

TICKETS_CATEGORY_ROUTES_LIST_ORDER_VALUES: set[TicketsCategoryRoutesListOrder] = { 'asc', 'desc',  }

def check_tickets_category_routes_list_order(value: str) -> TicketsCategoryRoutesListOrder:
    if value in TICKETS_CATEGORY_ROUTES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_CATEGORY_ROUTES_LIST_ORDER_VALUES!r}")
