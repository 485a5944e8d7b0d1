from typing import Literal

HistorySourceEnum = Literal['1h', '1m', 'raw']

HISTORY_SOURCE_ENUM_VALUES: set[HistorySourceEnum] = { '1h', '1m', 'raw',  }

def check_history_source_enum(value: str) -> HistorySourceEnum:
    if value in HISTORY_SOURCE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HISTORY_SOURCE_ENUM_VALUES!r}")
