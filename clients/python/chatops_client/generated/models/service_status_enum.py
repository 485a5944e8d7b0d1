from typing import Literal

ServiceStatusEnum = Literal['down', 'unknown', 'up']

SERVICE_STATUS_ENUM_VALUES: set[ServiceStatusEnum] = { 'down', 'unknown', 'up',  }

def check_service_status_enum(value: str) -> ServiceStatusEnum:
    if value in SERVICE_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVICE_STATUS_ENUM_VALUES!r}")
