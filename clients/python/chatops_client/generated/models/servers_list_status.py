from typing import Literal

ServersListStatus = Literal['offline', 'online', 'unknown']

SERVERS_LIST_STATUS_VALUES: set[ServersListStatus] = { 'offline', 'online', 'unknown',  }

def check_servers_list_status(value: str) -> ServersListStatus:
    if value in SERVERS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVERS_LIST_STATUS_VALUES!r}")
