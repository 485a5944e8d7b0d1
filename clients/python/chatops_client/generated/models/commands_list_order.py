from typing import Literal

CommandsListOrder = Literal['asc', 'desc']

COMMANDS_LIST_ORDER_VALUES: set[CommandsListOrder] = { 'asc', 'desc',  }

def check_commands_list_order(value: str) -> CommandsListOrder:
    if value in COMMANDS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMMANDS_LIST_ORDER_VALUES!r}")
