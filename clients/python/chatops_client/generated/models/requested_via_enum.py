from typing import Literal

RequestedViaEnum = Literal['admin', 'api', 'chat', 'socket', 'system', 'worker']

REQUESTED_VIA_ENUM_VALUES: set[RequestedViaEnum] = { 'admin', 'api', 'chat', 'socket', 'system', 'worker',  }

def check_requested_via_enum(value: str) -> RequestedViaEnum:
    if value in REQUESTED_VIA_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REQUESTED_VIA_ENUM_VALUES!r}")
