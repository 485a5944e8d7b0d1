from typing import Literal

DeploymentsListOrder = Literal['asc', 'desc']

DEPLOYMENTS_LIST_ORDER_VALUES: set[DeploymentsListOrder] = { 'asc', 'desc',  }

def check_deployments_list_order(value: str) -> DeploymentsListOrder:
    if value in DEPLOYMENTS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENTS_LIST_ORDER_VALUES!r}")
