from typing import Literal

CommandHistoryKindEnum = Literal['command', 'docker']

COMMAND_HISTORY_KIND_ENUM_VALUES: set[CommandHistoryKindEnum] = { 'command', 'docker',  }

def check_command_history_kind_enum(value: str) -> CommandHistoryKindEnum:
    if value in COMMAND_HISTORY_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMMAND_HISTORY_KIND_ENUM_VALUES!r}")
