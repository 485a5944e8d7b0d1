from typing import Literal

ChannelSummaryKindEnum = Literal['apprise', 'email', 'inapp', 'webhook']

CHANNEL_SUMMARY_KIND_ENUM_VALUES: set[ChannelSummaryKindEnum] = { 'apprise', 'email', 'inapp', 'webhook',  }

def check_channel_summary_kind_enum(value: str) -> ChannelSummaryKindEnum:
    if value in CHANNEL_SUMMARY_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANNEL_SUMMARY_KIND_ENUM_VALUES!r}")
