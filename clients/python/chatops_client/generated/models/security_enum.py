from typing import Literal

SecurityEnum = Literal['none', 'ssl', 'starttls']

SECURITY_ENUM_VALUES: set[SecurityEnum] = { 'none', 'ssl', 'starttls',  }

def check_security_enum(value: str) -> SecurityEnum:
    if value in SECURITY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SECURITY_ENUM_VALUES!r}")
