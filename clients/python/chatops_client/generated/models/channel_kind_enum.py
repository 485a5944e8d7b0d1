from typing import Literal

ChannelKindEnum = Literal['apprise', 'email', 'webhook']

CHANNEL_KIND_ENUM_VALUES: set[ChannelKindEnum] = { 'apprise', 'email', 'webhook',  }

def check_channel_kind_enum(value: str) -> ChannelKindEnum:
    if value in CHANNEL_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANNEL_KIND_ENUM_VALUES!r}")
