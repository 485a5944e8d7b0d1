from typing import Literal

NotificationsListSort = Literal['created_at', 'finished_at', 'severity', 'status', 'type']

NOTIFICATIONS_LIST_SORT_VALUES: set[NotificationsListSort] = { 'created_at', 'finished_at', 'severity', 'status', 'type',  }

def check_notifications_list_sort(value: str) -> NotificationsListSort:
    if value in NOTIFICATIONS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATIONS_LIST_SORT_VALUES!r}")
