from typing import Literal

MessagesListOrder = Literal['asc', 'desc']

MESSAGES_LIST_ORDER_VALUES: set[MessagesListOrder] = { 'asc', 'desc',  }

def check_messages_list_order(value: str) -> MessagesListOrder:
    if value in MESSAGES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGES_LIST_ORDER_VALUES!r}")
