from typing import Literal

ApprovalsListKindItem = Literal['k8s_restart', 'playbook', 'restart', 'run', 'stop']

APPROVALS_LIST_KIND_ITEM_VALUES: set[ApprovalsListKindItem] = { 'k8s_restart', 'playbook', 'restart', 'run', 'stop',  }

def check_approvals_list_kind_item(value: str) -> ApprovalsListKindItem:
    if value in APPROVALS_LIST_KIND_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVALS_LIST_KIND_ITEM_VALUES!r}")
