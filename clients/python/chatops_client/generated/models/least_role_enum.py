from typing import Literal

LeastRoleEnum = Literal['admin', 'operator', 'requester', 'support', 'viewer']

LEAST_ROLE_ENUM_VALUES: set[LeastRoleEnum] = { 'admin', 'operator', 'requester', 'support', 'viewer',  }

def check_least_role_enum(value: str) -> LeastRoleEnum:
    if value in LEAST_ROLE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEAST_ROLE_ENUM_VALUES!r}")
