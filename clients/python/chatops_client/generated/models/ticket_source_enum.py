from typing import Literal

TicketSourceEnum = Literal['alert', 'api', 'chat', 'chatbot']

TICKET_SOURCE_ENUM_VALUES: set[TicketSourceEnum] = { 'alert', 'api', 'chat', 'chatbot',  }

def check_ticket_source_enum(value: str) -> TicketSourceEnum:
    if value in TICKET_SOURCE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_SOURCE_ENUM_VALUES!r}")
