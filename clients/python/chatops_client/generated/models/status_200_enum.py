from typing import Literal

Status200Enum = Literal['degraded', 'healthy', 'unreachable']

STATUS_200_ENUM_VALUES: set[Status200Enum] = { 'degraded', 'healthy', 'unreachable',  }

def check_status_200_enum(value: str) -> Status200Enum:
    if value in STATUS_200_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_200_ENUM_VALUES!r}")
