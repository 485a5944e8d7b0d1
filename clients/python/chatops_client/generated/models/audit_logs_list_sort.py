from typing import Literal

AuditLogsListSort = Literal['action', 'actor_label', 'created_at']

AUDIT_LOGS_LIST_SORT_VALUES: set[AuditLogsListSort] = { 'action', 'actor_label', 'created_at',  }

def check_audit_logs_list_sort(value: str) -> AuditLogsListSort:
    if value in AUDIT_LOGS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUDIT_LOGS_LIST_SORT_VALUES!r}")
