from typing import Literal

CommandHistoryStatusEnum = Literal['agent_offline', 'failed', 'pending', 'rejected', 'running', 'sent', 'succeeded', 'timed_out']

COMMAND_HISTORY_STATUS_ENUM_VALUES: set[CommandHistoryStatusEnum] = { 'agent_offline', 'failed', 'pending', 'rejected', 'running', 'sent', 'succeeded', 'timed_out',  }

def check_command_history_status_enum(value: str) -> CommandHistoryStatusEnum:
    if value in COMMAND_HISTORY_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMMAND_HISTORY_STATUS_ENUM_VALUES!r}")
