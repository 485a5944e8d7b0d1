from typing import Literal

SilencesListOrder = Literal['asc', 'desc']

SILENCES_LIST_ORDER_VALUES: set[SilencesListOrder] = { 'asc', 'desc',  }

def check_silences_list_order(value: str) -> SilencesListOrder:
    if value in SILENCES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SILENCES_LIST_ORDER_VALUES!r}")
