from typing import Literal

DeploymentsListSort = Literal['environment', 'finished_at', 'service', 'started_at', 'status']

DEPLOYMENTS_LIST_SORT_VALUES: set[DeploymentsListSort] = { 'environment', 'finished_at', 'service', 'started_at', 'status',  }

def check_deployments_list_sort(value: str) -> DeploymentsListSort:
    if value in DEPLOYMENTS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENTS_LIST_SORT_VALUES!r}")
