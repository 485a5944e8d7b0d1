from typing import Literal

SeverityEnum = Literal['critical', 'info', 'warning']

SEVERITY_ENUM_VALUES: set[SeverityEnum] = { 'critical', 'info', 'warning',  }

def check_severity_enum(value: str) -> SeverityEnum:
    if value in SEVERITY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEVERITY_ENUM_VALUES!r}")
