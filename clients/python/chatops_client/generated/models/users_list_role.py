from typing import Literal

UsersListRole = Literal['admin', 'operator', 'requester', 'support', 'viewer']

USERS_LIST_ROLE_VALUES: set[UsersListRole] = { 'admin', 'operator', 'requester', 'support', 'viewer',  }

def check_users_list_role(value: str) -> UsersListRole:
    if value in USERS_LIST_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USERS_LIST_ROLE_VALUES!r}")
