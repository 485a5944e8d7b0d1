from typing import Literal

NotificationsListOrder = Literal['asc', 'desc']

NOTIFICATIONS_LIST_ORDER_VALUES: set[NotificationsListOrder] = { 'asc', 'desc',  }

def check_notifications_list_order(value: str) -> NotificationsListOrder:
    if value in NOTIFICATIONS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATIONS_LIST_ORDER_VALUES!r}")
