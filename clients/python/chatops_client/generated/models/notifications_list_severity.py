from typing import Literal

NotificationsListSeverity = Literal['critical', 'info', 'warning']

NOTIFICATIONS_LIST_SEVERITY_VALUES: set[NotificationsListSeverity] = { 'critical', 'info', 'warning',  }

def check_notifications_list_severity(value: str) -> NotificationsListSeverity:
    if value in NOTIFICATIONS_LIST_SEVERITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATIONS_LIST_SEVERITY_VALUES!r}")
