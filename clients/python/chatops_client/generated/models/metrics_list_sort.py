from typing import Literal

MetricsListSort = Literal['name', 'ts', 'value']

METRICS_LIST_SORT_VALUES: set[MetricsListSort] = { 'name', 'ts', 'value',  }

def check_metrics_list_sort(value: str) -> MetricsListSort:
    if value in METRICS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {METRICS_LIST_SORT_VALUES!r}")
