from typing import Literal

CommandsListSort = Literal['created_at', 'status']

COMMANDS_LIST_SORT_VALUES: set[CommandsListSort] = { 'created_at', 'status',  }

def check_commands_list_sort(value: str) -> CommandsListSort:
    if value in COMMANDS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMMANDS_LIST_SORT_VALUES!r}")
