from typing import Literal

Status2CfEnum = Literal['cancelled', 'failed', 'lost', 'running', 'successful', 'timeout']

STATUS_2_CF_ENUM_VALUES: set[Status2CfEnum] = { 'cancelled', 'failed', 'lost', 'running', 'successful', 'timeout',  }

def check_status_2_cf_enum(value: str) -> Status2CfEnum:
    if value in STATUS_2_CF_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_2_CF_ENUM_VALUES!r}")
