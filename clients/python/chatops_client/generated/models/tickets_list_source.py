from typing import Literal

TicketsListSource = Literal['alert', 'api', 'chat', 'chatbot']

TICKETS_LIST_SOURCE_VALUES: set[TicketsListSource] = { 'alert', 'api', 'chat', 'chatbot',  }

def check_tickets_list_source(value: str) -> TicketsListSource:
    if value in TICKETS_LIST_SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKETS_LIST_SOURCE_VALUES!r}")
