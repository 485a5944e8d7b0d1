from typing import Literal

ApprovalsListSort = Literal['created_at', 'expires_at', 'kind', 'status']

APPROVALS_LIST_SORT_VALUES: set[ApprovalsListSort] = { 'created_at', 'expires_at', 'kind', 'status',  }

def check_approvals_list_sort(value: str) -> ApprovalsListSort:
    if value in APPROVALS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVALS_LIST_SORT_VALUES!r}")
