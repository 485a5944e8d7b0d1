from typing import Literal

Role7B5Enum = Literal['admin', 'operator', 'requester', 'support', 'viewer']

ROLE_7B5_ENUM_VALUES: set[Role7B5Enum] = { 'admin', 'operator', 'requester', 'support', 'viewer',  }

def check_role_7b5_enum(value: str) -> Role7B5Enum:
    if value in ROLE_7B5_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_7B5_ENUM_VALUES!r}")
