from typing import Literal

TicketsListSort = Literal['created_at', 'priority', 'resolution_due', 'resolved_at', 'status', 'updated_at']

TICKETS_LIST_SORT_VALUES: set[TicketsListSort] = { 'created_at', 'priority', 'resolution_due', 'resolved_at', 'status', 'updated_at',  }

def check_tickets_list_sort(value: str) -> TicketsListSort:
    if value in TICKETS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_SORT_VALUES!r}")
