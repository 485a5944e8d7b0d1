from typing import Literal

CommandsListStatus = Literal['agent_offline', 'failed', 'pending', 'rejected', 'running', 'sent', 'succeeded', 'timed_out']

COMMANDS_LIST_STATUS_VALUES: set[CommandsListStatus] = { 'agent_offline', 'failed', 'pending', 'rejected', 'running', 'sent', 'succeeded', 'timed_out',  }

def check_commands_list_status(value: str) -> CommandsListStatus:
    if value in COMMANDS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMMANDS_LIST_STATUS_VALUES!r}")
