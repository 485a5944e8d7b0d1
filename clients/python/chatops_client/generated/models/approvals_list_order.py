from typing import Literal

ApprovalsListOrder = Literal['asc', 'desc']

APPROVALS_LIST_ORDER_VALUES: set[ApprovalsListOrder] = { 'asc', 'desc',  }

def check_approvals_list_order(value: str) -> ApprovalsListOrder:
    if value in APPROVALS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVALS_LIST_ORDER_VALUES!r}")
