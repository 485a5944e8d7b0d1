from typing import Literal

DeploymentsListStatus = Literal['canceled', 'failed', 'queued', 'rolled_back', 'running', 'success']

DEPLOYMENTS_LIST_STATUS_VALUES: set[DeploymentsListStatus] = { 'canceled', 'failed', 'queued', 'rolled_back', 'running', 'success',  }

def check_deployments_list_status(value: str) -> DeploymentsListStatus:
    if value in DEPLOYMENTS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENTS_LIST_STATUS_VALUES!r}")
