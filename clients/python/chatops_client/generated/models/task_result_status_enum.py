from typing import Literal

TaskResultStatusEnum = Literal['changed', 'failed', 'ignored', 'ok', 'skipped', 'unreachable']

TASK_RESULT_STATUS_ENUM_VALUES: set[TaskResultStatusEnum] = { 'changed', 'failed', 'ignored', 'ok', 'skipped', 'unreachable',  }

def check_task_result_status_enum(value: str) -> TaskResultStatusEnum:
    if value in TASK_RESULT_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_RESULT_STATUS_ENUM_VALUES!r}")
