from typing import Literal

AlertsListOrder = Literal['asc', 'desc']

ALERTS_LIST_ORDER_VALUES: set[AlertsListOrder] = { 'asc', 'desc',  }

def check_alerts_list_order(value: str) -> AlertsListOrder:
    if value in ALERTS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_LIST_ORDER_VALUES!r}")
