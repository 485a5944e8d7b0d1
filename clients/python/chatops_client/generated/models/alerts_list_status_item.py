from typing import Literal

AlertsListStatusItem = Literal['acknowledged', 'firing', 'resolved']

ALERTS_LIST_STATUS_ITEM_VALUES: set[AlertsListStatusItem] = { 'acknowledged', 'firing', 'resolved',  }

def check_alerts_list_status_item(value: str) -> AlertsListStatusItem:
    if value in ALERTS_LIST_STATUS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_LIST_STATUS_ITEM_VALUES!r}")
