from typing import Literal

IntegrationsListSort = Literal['created_at', 'name', 'provider']

INTEGRATIONS_LIST_SORT_VALUES: set[IntegrationsListSort] = { 'created_at', 'name', 'provider',  }

def check_integrations_list_sort(value: str) -> IntegrationsListSort:
    if value in INTEGRATIONS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTEGRATIONS_LIST_SORT_VALUES!r}")
