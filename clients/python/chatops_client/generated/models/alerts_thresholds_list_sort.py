from typing import Literal

AlertsThresholdsListSort = Literal['created_at', 'metric', 'name', 'severity', 'updated_at']

ALERTS_THRESHOLDS_LIST_SORT_VALUES: set[AlertsThresholdsListSort] = { 'created_at', 'metric', 'name', 'severity', 'updated_at',  }

def check_alerts_thresholds_list_sort(value: str) -> AlertsThresholdsListSort:
    if value in ALERTS_THRESHOLDS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_THRESHOLDS_LIST_SORT_VALUES!r}")
