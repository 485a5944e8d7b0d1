from typing import Literal

Status952Enum = Literal['cancelled', 'closed', 'in_progress', 'open', 'pending', 'resolved']

STATUS_952_ENUM_VALUES: set[Status952Enum] = { 'cancelled', 'closed', 'in_progress', 'open', 'pending', 'resolved',  }

def check_status_952_enum(value: str) -> Status952Enum:
    if value in STATUS_952_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_952_ENUM_VALUES!r}")
