from typing import Literal

IntegrationsListOrder = Literal['asc', 'desc']

INTEGRATIONS_LIST_ORDER_VALUES: set[IntegrationsListOrder] = { 'asc', 'desc',  }

def check_integrations_list_order(value: str) -> IntegrationsListOrder:
    if value in INTEGRATIONS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTEGRATIONS_LIST_ORDER_VALUES!r}")
