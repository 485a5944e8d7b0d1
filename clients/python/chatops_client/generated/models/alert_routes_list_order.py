from typing import Literal

AlertRoutesListOrder = Literal['asc', 'desc']

ALERT_ROUTES_LIST_ORDER_VALUES: set[AlertRoutesListOrder] = { 'asc', 'desc',  }

def check_alert_routes_list_order(value: str) -> AlertRoutesListOrder:
    if value in ALERT_ROUTES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERT_ROUTES_LIST_ORDER_VALUES!r}")
