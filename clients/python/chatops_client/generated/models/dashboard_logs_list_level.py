from typing import Literal

DashboardLogsListLevel = Literal['critical', 'CRITICAL', 'debug', 'DEBUG', 'ERROR', 'error', 'INFO', 'info', 'NOTICE', 'notice', 'unknown', 'UNKNOWN', 'warning', 'WARNING']

DASHBOARD_LOGS_LIST_LEVEL_VALUES: set[DashboardLogsListLevel] = { 'critical', 'CRITICAL', 'debug', 'DEBUG', 'ERROR', 'error', 'INFO', 'info', 'NOTICE', 'notice', 'unknown', 'UNKNOWN', 'warning', 'WARNING',  }

def check_dashboard_logs_list_level(value: str) -> DashboardLogsListLevel:
    if value in DASHBOARD_LOGS_LIST_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DASHBOARD_LOGS_LIST_LEVEL_VALUES!r}")
