from typing import Literal

IntegrationsDeliveriesListVerdict = Literal['accepted', 'bad_signature', 'duplicate', 'filtered', 'invalid', 'unknown_event']

INTEGRATIONS_DELIVERIES_LIST_VERDICT_VALUES: set[IntegrationsDeliveriesListVerdict] = { 'accepted', 'bad_signature', 'duplicate', 'filtered', 'invalid', 'unknown_event',  }

def check_integrations_deliveries_list_verdict(value: str) -> IntegrationsDeliveriesListVerdict:
    if value in INTEGRATIONS_DELIVERIES_LIST_VERDICT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTEGRATIONS_DELIVERIES_LIST_VERDICT_VALUES!r}")
