from typing import Literal

AnsiblePlaybooksListSort = Literal['created_at', 'finished_at', 'playbook', 'status']

ANSIBLE_PLAYBOOKS_LIST_SORT_VALUES: set[AnsiblePlaybooksListSort] = { 'created_at', 'finished_at', 'playbook', 'status',  }

def check_ansible_playbooks_list_sort(value: str) -> AnsiblePlaybooksListSort:
    if value in ANSIBLE_PLAYBOOKS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANSIBLE_PLAYBOOKS_LIST_SORT_VALUES!r}")
