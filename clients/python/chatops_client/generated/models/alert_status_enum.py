from typing import Literal

AlertStatusEnum = Literal['acknowledged', 'firing', 'resolved']

ALERT_STATUS_ENUM_VALUES: set[AlertStatusEnum] = { 'acknowledged', 'firing', 'resolved',  }

def check_alert_status_enum(value: str) -> AlertStatusEnum:
    if value in ALERT_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERT_STATUS_ENUM_VALUES!r}")
