from typing import Literal

TicketsListSlaState = Literal['breached', 'met', 'none', 'paused', 'running']

TICKETS_LIST_SLA_STATE_VALUES: set[TicketsListSlaState] = { 'breached', 'met', 'none', 'paused', 'running',  }

def check_tickets_list_sla_state(value: str) -> TicketsListSlaState:
    if value in TICKETS_LIST_SLA_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_SLA_STATE_VALUES!r}")
