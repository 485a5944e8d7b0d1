from typing import Literal

LogsListSort = Literal['level', 'ts']

LOGS_LIST_SORT_VALUES: set[LogsListSort] = { 'level', 'ts',  }

def check_logs_list_sort(value: str) -> LogsListSort:
    if value in LOGS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOGS_LIST_SORT_VALUES!r}")
