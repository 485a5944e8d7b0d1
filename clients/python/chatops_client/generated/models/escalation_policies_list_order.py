from typing import Literal

EscalationPoliciesListOrder = Literal['asc', 'desc']

ESCALATION_POLICIES_LIST_ORDER_VALUES: set[EscalationPoliciesListOrder] = { 'asc', 'desc',  }

def check_escalation_policies_list_order(value: str) -> EscalationPoliciesListOrder:
    if value in ESCALATION_POLICIES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ESCALATION_POLICIES_LIST_ORDER_VALUES!r}")
