from typing import Literal

EscalationPoliciesListSort = Literal['created_at', 'name']

ESCALATION_POLICIES_LIST_SORT_VALUES: set[EscalationPoliciesListSort] = { 'created_at', 'name',  }

def check_escalation_policies_list_sort(value: str) -> EscalationPoliciesListSort:
    if value in ESCALATION_POLICIES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ESCALATION_POLICIES_LIST_SORT_VALUES!r}")
