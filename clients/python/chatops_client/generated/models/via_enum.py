from typing import Literal

ViaEnum = Literal['admin', 'api', 'chat', 'socket', 'system', 'worker']

VIA_ENUM_VALUES: set[ViaEnum] = { 'admin', 'api', 'chat', 'socket', 'system', 'worker',  }

def check_via_enum(value: str) -> ViaEnum:
    if value in VIA_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VIA_ENUM_VALUES!r}")
