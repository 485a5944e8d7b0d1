from typing import Literal

DependencyStatusEnum = Literal['down', 'up']

DEPENDENCY_STATUS_ENUM_VALUES: set[DependencyStatusEnum] = { 'down', 'up',  }

def check_dependency_status_enum(value: str) -> DependencyStatusEnum:
    if value in DEPENDENCY_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPENDENCY_STATUS_ENUM_VALUES!r}")
