from typing import Literal

ServerStatusEnum = Literal['offline', 'online', 'unknown']

SERVER_STATUS_ENUM_VALUES: set[ServerStatusEnum] = { 'offline', 'online', 'unknown',  }

def check_server_status_enum(value: str) -> ServerStatusEnum:
    if value in SERVER_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVER_STATUS_ENUM_VALUES!r}")
