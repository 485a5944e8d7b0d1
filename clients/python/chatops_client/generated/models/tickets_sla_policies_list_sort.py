from typing import Literal

TicketsSlaPoliciesListSort = Literal['priority', 'updated_at']

TICKETS_SLA_POLICIES_LIST_SORT_VALUES: set[TicketsSlaPoliciesListSort] = { 'priority', 'updated_at',  }

def check_tickets_sla_policies_list_sort(value: str) -> TicketsSlaPoliciesListSort:
    if value in TICKETS_SLA_POLICIES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_SLA_POLICIES_LIST_SORT_VALUES!r}")
