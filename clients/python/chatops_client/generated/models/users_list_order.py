from typing import Literal

UsersListOrder = Literal['asc', 'desc']

USERS_LIST_ORDER_VALUES: set[UsersListOrder] = { 'asc', 'desc',  }

def check_users_list_order(value: str) -> UsersListOrder:
    if value in USERS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USERS_LIST_ORDER_VALUES!r}")
