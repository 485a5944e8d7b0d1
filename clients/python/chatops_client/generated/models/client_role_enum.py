from typing import Literal

ClientRoleEnum = Literal['operator', 'viewer']

CLIENT_ROLE_ENUM_VALUES: set[ClientRoleEnum] = { 'operator', 'viewer',  }

def check_client_role_enum(value: str) -> ClientRoleEnum:
    if value in CLIENT_ROLE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENT_ROLE_ENUM_VALUES!r}")
