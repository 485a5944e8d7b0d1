from typing import Literal

LogsListOrder = Literal['asc', 'desc']

LOGS_LIST_ORDER_VALUES: set[LogsListOrder] = { 'asc', 'desc',  }

def check_logs_list_order(value: str) -> LogsListOrder:
    if value in LOGS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOGS_LIST_ORDER_VALUES!r}")
