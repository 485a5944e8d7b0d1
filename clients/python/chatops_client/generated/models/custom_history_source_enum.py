from typing import Literal

CustomHistorySourceEnum = Literal['raw']

CUSTOM_HISTORY_SOURCE_ENUM_VALUES: set[CustomHistorySourceEnum] = { 'raw',  }

def check_custom_history_source_enum(value: str) -> CustomHistorySourceEnum:
    if value in CUSTOM_HISTORY_SOURCE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOM_HISTORY_SOURCE_ENUM_VALUES!r}")
