from typing import Literal

NotificationChannelsListOrder = Literal['asc', 'desc']

NOTIFICATION_CHANNELS_LIST_ORDER_VALUES: set[NotificationChannelsListOrder] = { 'asc', 'desc',  }

def check_notification_channels_list_order(value: str) -> NotificationChannelsListOrder:
    if value in NOTIFICATION_CHANNELS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_CHANNELS_LIST_ORDER_VALUES!r}")
