from typing import Literal

TicketsListPriorityItem = Literal['critical', 'high', 'low', 'medium']

TICKETS_LIST_PRIORITY_ITEM_VALUES: set[TicketsListPriorityItem] = { 'critical', 'high', 'low', 'medium',  }

def check_tickets_list_priority_item(value: str) -> TicketsListPriorityItem:
    if value in TICKETS_LIST_PRIORITY_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_PRIORITY_ITEM_VALUES!r}")
