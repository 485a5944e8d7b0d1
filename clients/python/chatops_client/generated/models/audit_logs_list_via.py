from typing import Literal

AuditLogsListVia = Literal['admin', 'api', 'chat', 'socket', 'system', 'worker']

AUDIT_LOGS_LIST_VIA_VALUES: set[AuditLogsListVia] = { 'admin', 'api', 'chat', 'socket', 'system', 'worker',  }

def check_audit_logs_list_via(value: str) -> AuditLogsListVia:
    if value in AUDIT_LOGS_LIST_VIA_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUDIT_LOGS_LIST_VIA_VALUES!r}")
