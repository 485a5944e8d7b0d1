from typing import Literal

TicketsCategoryRoutesListSort = Literal['category']

TICKETS_CATEGORY_ROUTES_LIST_SORT_VALUES: set[TicketsCategoryRoutesListSort] = { 'category',  }

def check_tickets_category_routes_list_sort(value: str) -> TicketsCategoryRoutesListSort:
    if value in TICKETS_CATEGORY_ROUTES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_CATEGORY_ROUTES_LIST_SORT_VALUES!r}")
