from typing import Literal

LevelEnum = Literal['critical', 'debug', 'error', 'info', 'notice', 'unknown', 'warning']

LEVEL_ENUM_VALUES: set[LevelEnum] = { 'critical', 'debug', 'error', 'info', 'notice', 'unknown', 'warning',  }

def check_level_enum(value: str) -> LevelEnum:
    if value in LEVEL_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEVEL_ENUM_VALUES!r}")
