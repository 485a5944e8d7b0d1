from typing import Literal

TicketsListCategoryItem = Literal['hardware_issue', 'network_issue', 'other', 'password_reset', 'performance_issue', 'software_installation', 'system_down']

TICKETS_LIST_CATEGORY_ITEM_VALUES: set[TicketsListCategoryItem] = { 'hardware_issue', 'network_issue', 'other', 'password_reset', 'performance_issue', 'software_installation', 'system_down',  }

def check_tickets_list_category_item(value: str) -> TicketsListCategoryItem:
    if value in TICKETS_LIST_CATEGORY_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_CATEGORY_ITEM_VALUES!r}")
