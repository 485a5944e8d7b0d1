from typing import Literal

PipelineFollowsListOrder = Literal['asc', 'desc']

PIPELINE_FOLLOWS_LIST_ORDER_VALUES: set[PipelineFollowsListOrder] = { 'asc', 'desc',  }

def check_pipeline_follows_list_order(value: str) -> PipelineFollowsListOrder:
    if value in PIPELINE_FOLLOWS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIPELINE_FOLLOWS_LIST_ORDER_VALUES!r}")
