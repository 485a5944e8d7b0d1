from typing import Literal

AlertsListSeverityItem = Literal['critical', 'info', 'warning']

ALERTS_LIST_SEVERITY_ITEM_VALUES: set[AlertsListSeverityItem] = { 'critical', 'info', 'warning',  }

def check_alerts_list_severity_item(value: str) -> AlertsListSeverityItem:
    if value in ALERTS_LIST_SEVERITY_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_LIST_SEVERITY_ITEM_VALUES!r}")
