from typing import Literal

UsersListSort = Literal['created_at', 'full_name', 'role', 'username']

USERS_LIST_SORT_VALUES: set[UsersListSort] = { 'created_at', 'full_name', 'role', 'username',  }

def check_users_list_sort(value: str) -> UsersListSort:
    if value in USERS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USERS_LIST_SORT_VALUES!r}")
