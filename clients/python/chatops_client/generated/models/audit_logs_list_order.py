from typing import Literal

AuditLogsListOrder = Literal['asc', 'desc']

AUDIT_LOGS_LIST_ORDER_VALUES: set[AuditLogsListOrder] = { 'asc', 'desc',  }

def check_audit_logs_list_order(value: str) -> AuditLogsListOrder:
    if value in AUDIT_LOGS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUDIT_LOGS_LIST_ORDER_VALUES!r}")
