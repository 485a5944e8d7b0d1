from typing import Literal

PipelinesListOrder = Literal['asc', 'desc']

PIPELINES_LIST_ORDER_VALUES: set[PipelinesListOrder] = { 'asc', 'desc',  }

def check_pipelines_list_order(value: str) -> PipelinesListOrder:
    if value in PIPELINES_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIPELINES_LIST_ORDER_VALUES!r}")
