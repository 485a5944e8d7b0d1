from typing import Literal

AlertsThresholdsListOrder = Literal['asc', 'desc']

ALERTS_THRESHOLDS_LIST_ORDER_VALUES: set[AlertsThresholdsListOrder] = { 'asc', 'desc',  }

def check_alerts_thresholds_list_order(value: str) -> AlertsThresholdsListOrder:
    if value in ALERTS_THRESHOLDS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_THRESHOLDS_LIST_ORDER_VALUES!r}")
