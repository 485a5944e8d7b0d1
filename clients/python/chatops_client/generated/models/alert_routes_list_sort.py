from typing import Literal

AlertRoutesListSort = Literal['created_at', 'name', 'position']

ALERT_ROUTES_LIST_SORT_VALUES: set[AlertRoutesListSort] = { 'created_at', 'name', 'position',  }

def check_alert_routes_list_sort(value: str) -> AlertRoutesListSort:
    if value in ALERT_ROUTES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERT_ROUTES_LIST_SORT_VALUES!r}")
