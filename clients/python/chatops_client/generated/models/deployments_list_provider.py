from typing import Literal

DeploymentsListProvider = Literal['generic', 'github', 'gitlab']

DEPLOYMENTS_LIST_PROVIDER_VALUES: set[DeploymentsListProvider] = { 'generic', 'github', 'gitlab',  }

def check_deployments_list_provider(value: str) -> DeploymentsListProvider:
    if value in DEPLOYMENTS_LIST_PROVIDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENTS_LIST_PROVIDER_VALUES!r}")
