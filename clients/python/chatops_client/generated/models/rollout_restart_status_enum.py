from typing import Literal

RolloutRestartStatusEnum = Literal['agent_offline', 'failed', 'pending', 'rejected', 'sent', 'succeeded', 'timed_out']

ROLLOUT_RESTART_STATUS_ENUM_VALUES: set[RolloutRestartStatusEnum] = { 'agent_offline', 'failed', 'pending', 'rejected', 'sent', 'succeeded', 'timed_out',  }

def check_rollout_restart_status_enum(value: str) -> RolloutRestartStatusEnum:
    if value in ROLLOUT_RESTART_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_RESTART_STATUS_ENUM_VALUES!r}")
