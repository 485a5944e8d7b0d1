from typing import Literal

MetricsListOrder = Literal['asc', 'desc']

METRICS_LIST_ORDER_VALUES: set[MetricsListOrder] = { 'asc', 'desc',  }

def check_metrics_list_order(value: str) -> MetricsListOrder:
    if value in METRICS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {METRICS_LIST_ORDER_VALUES!r}")
