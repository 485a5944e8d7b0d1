from typing import Literal

TicketsListStatusItem = Literal['cancelled', 'closed', 'in_progress', 'open', 'pending', 'resolved']

TICKETS_LIST_STATUS_ITEM_VALUES: set[TicketsListStatusItem] = { 'cancelled', 'closed', 'in_progress', 'open', 'pending', 'resolved',  }

def check_tickets_list_status_item(value: str) -> TicketsListStatusItem:
    if value in TICKETS_LIST_STATUS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_STATUS_ITEM_VALUES!r}")
