from typing import Literal

IntegrationsDeliveriesListSort = Literal['received_at', 'verdict']

INTEGRATIONS_DELIVERIES_LIST_SORT_VALUES: set[IntegrationsDeliveriesListSort] = { 'received_at', 'verdict',  }

def check_integrations_deliveries_list_sort(value: str) -> IntegrationsDeliveriesListSort:
    if value in INTEGRATIONS_DELIVERIES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTEGRATIONS_DELIVERIES_LIST_SORT_VALUES!r}")
