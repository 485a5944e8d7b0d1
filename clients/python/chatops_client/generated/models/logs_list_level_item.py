from typing import Literal

LogsListLevelItem = Literal['critical', 'debug', 'error', 'info', 'notice', 'unknown', 'warning']

LOGS_LIST_LEVEL_ITEM_VALUES: set[LogsListLevelItem] = { 'critical', 'debug', 'error', 'info', 'notice', 'unknown', 'warning',  }

def check_logs_list_level_item(value: str) -> LogsListLevelItem:
    if value in LOGS_LIST_LEVEL_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOGS_LIST_LEVEL_ITEM_VALUES!r}")
