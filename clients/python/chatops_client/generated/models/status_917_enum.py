from typing import Literal

Status917Enum = Literal['canceled', 'failed', 'queued', 'running', 'skipped', 'success']

STATUS_917_ENUM_VALUES: set[Status917Enum] = { 'canceled', 'failed', 'queued', 'running', 'skipped', 'success',  }

def check_status_917_enum(value: str) -> Status917Enum:
    if value in STATUS_917_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_917_ENUM_VALUES!r}")
