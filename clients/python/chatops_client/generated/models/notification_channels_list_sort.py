from typing import Literal

NotificationChannelsListSort = Literal['created_at', 'kind', 'name']

NOTIFICATION_CHANNELS_LIST_SORT_VALUES: set[NotificationChannelsListSort] = { 'created_at', 'kind', 'name',  }

def check_notification_channels_list_sort(value: str) -> NotificationChannelsListSort:
    if value in NOTIFICATION_CHANNELS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_CHANNELS_LIST_SORT_VALUES!r}")
