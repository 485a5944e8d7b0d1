from typing import Literal

ScopeEnum = Literal['all', 'server', 'tag']

SCOPE_ENUM_VALUES: set[ScopeEnum] = { 'all', 'server', 'tag',  }

def check_scope_enum(value: str) -> ScopeEnum:
    if value in SCOPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCOPE_ENUM_VALUES!r}")
