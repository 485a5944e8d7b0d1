from typing import Literal

CategoryEnum = Literal['hardware_issue', 'network_issue', 'other', 'password_reset', 'performance_issue', 'software_installation', 'system_down']

CATEGORY_ENUM_VALUES: set[CategoryEnum] = { 'hardware_issue', 'network_issue', 'other', 'password_reset', 'performance_issue', 'software_installation', 'system_down',  }

def check_category_enum(value: str) -> CategoryEnum:
    if value in CATEGORY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CATEGORY_ENUM_VALUES!r}")
