from typing import Literal

NotificationsListStatus = Literal['failed', 'partial', 'pending', 'sent']

NOTIFICATIONS_LIST_STATUS_VALUES: set[NotificationsListStatus] = { 'failed', 'partial', 'pending', 'sent',  }

def check_notifications_list_status(value: str) -> NotificationsListStatus:
    if value in NOTIFICATIONS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATIONS_LIST_STATUS_VALUES!r}")
