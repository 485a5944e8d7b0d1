from typing import Literal

IntegrationsDeliveriesListOrder = Literal['asc', 'desc']

INTEGRATIONS_DELIVERIES_LIST_ORDER_VALUES: set[IntegrationsDeliveriesListOrder] = { 'asc', 'desc',  }

def check_integrations_deliveries_list_order(value: str) -> IntegrationsDeliveriesListOrder:
    if value in INTEGRATIONS_DELIVERIES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTEGRATIONS_DELIVERIES_LIST_ORDER_VALUES!r}")
