from typing import Literal

NotificationStatusEnum = Literal['failed', 'partial', 'pending', 'sent']

NOTIFICATION_STATUS_ENUM_VALUES: set[NotificationStatusEnum] = { 'failed', 'partial', 'pending', 'sent',  }

def check_notification_status_enum(value: str) -> NotificationStatusEnum:
    if value in NOTIFICATION_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_STATUS_ENUM_VALUES!r}")
