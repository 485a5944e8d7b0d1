from typing import Literal

AnsiblePlaybooksListStatusItem = Literal['cancelled', 'failed', 'lost', 'running', 'successful', 'timeout']

ANSIBLE_PLAYBOOKS_LIST_STATUS_ITEM_VALUES: set[AnsiblePlaybooksListStatusItem] = { 'cancelled', 'failed', 'lost', 'running', 'successful', 'timeout',  }

def check_ansible_playbooks_list_status_item(value: str) -> AnsiblePlaybooksListStatusItem:
    if value in ANSIBLE_PLAYBOOKS_LIST_STATUS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANSIBLE_PLAYBOOKS_LIST_STATUS_ITEM_VALUES!r}")
