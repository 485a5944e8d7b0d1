from typing import Literal

AlertsListSort = Literal['fired_at', 'resolved_at', 'severity', 'started_at', 'status']

ALERTS_LIST_SORT_VALUES: set[AlertsListSort] = { 'fired_at', 'resolved_at', 'severity', 'started_at', 'status',  }

def check_alerts_list_sort(value: str) -> AlertsListSort:
    if value in ALERTS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_LIST_SORT_VALUES!r}")
