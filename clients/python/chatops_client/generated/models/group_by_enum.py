from typing import Literal

GroupByEnum = Literal['alert_name', 'kind', 'server', 'severity', 'threshold']

GROUP_BY_ENUM_VALUES: set[GroupByEnum] = { 'alert_name', 'kind', 'server', 'severity', 'threshold',  }

def check_group_by_enum(value: str) -> GroupByEnum:
    if value in GROUP_BY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GROUP_BY_ENUM_VALUES!r}")
