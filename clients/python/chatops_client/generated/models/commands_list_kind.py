from typing import Literal

CommandsListKind = Literal['command', 'docker']

COMMANDS_LIST_KIND_VALUES: set[CommandsListKind] = { 'command', 'docker',  }

def check_commands_list_kind(value: str) -> CommandsListKind:
    if value in COMMANDS_LIST_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMMANDS_LIST_KIND_VALUES!r}")
