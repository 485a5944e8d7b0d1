from typing import Literal

ClientsListRole = Literal['operator', 'viewer']

CLIENTS_LIST_ROLE_VALUES: set[ClientsListRole] = { 'operator', 'viewer',  }

def check_clients_list_role(value: str) -> ClientsListRole:
    if value in CLIENTS_LIST_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENTS_LIST_ROLE_VALUES!r}")
