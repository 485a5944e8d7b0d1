from typing import Literal

AnsiblePlaybooksListOrder = Literal['asc', 'desc']

ANSIBLE_PLAYBOOKS_LIST_ORDER_VALUES: set[AnsiblePlaybooksListOrder] = { 'asc', 'desc',  }

def check_ansible_playbooks_list_order(value: str) -> AnsiblePlaybooksListOrder:
    if value in ANSIBLE_PLAYBOOKS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANSIBLE_PLAYBOOKS_LIST_ORDER_VALUES!r}")
