from typing import Literal

NotificationChannelsListKind = Literal['apprise', 'email', 'webhook']

NOTIFICATION_CHANNELS_LIST_KIND_VALUES: set[NotificationChannelsListKind] = { 'apprise', 'email', 'webhook',  }

def check_notification_channels_list_kind(value: str) -> NotificationChannelsListKind:
    if value in NOTIFICATION_CHANNELS_LIST_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_CHANNELS_LIST_KIND_VALUES!r}")
