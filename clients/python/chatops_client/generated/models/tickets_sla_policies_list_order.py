from typing import Literal

TicketsSlaPoliciesListOrder = Literal['asc', 'desc']

TICKETS_SLA_POLICIES_LIST_ORDER_VALUES: set[TicketsSlaPoliciesListOrder] = { 'asc', 'desc',  }

def check_tickets_sla_policies_list_order(value: str) -> TicketsSlaPoliciesListOrder:
    if value in TICKETS_SLA_POLICIES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_SLA_POLICIES_LIST_ORDER_VALUES!r}")
