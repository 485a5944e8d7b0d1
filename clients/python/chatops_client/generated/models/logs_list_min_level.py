from typing import Literal

LogsListMinLevel = Literal['critical', 'debug', 'error', 'info', 'notice', 'warning']

LOGS_LIST_MIN_LEVEL_VALUES: set[LogsListMinLevel] = { 'critical', 'debug', 'error', 'info', 'notice', 'warning',  }

def check_logs_list_min_level(value: str) -> LogsListMinLevel:
    if value in LOGS_LIST_MIN_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOGS_LIST_MIN_LEVEL_VALUES!r}")
