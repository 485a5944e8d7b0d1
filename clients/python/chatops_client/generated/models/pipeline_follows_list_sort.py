from typing import Literal

PipelineFollowsListSort = Literal['created_at']

PIPELINE_FOLLOWS_LIST_SORT_VALUES: set[PipelineFollowsListSort] = { 'created_at',  }

def check_pipeline_follows_list_sort(value: str) -> PipelineFollowsListSort:
    if value in PIPELINE_FOLLOWS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIPELINE_FOLLOWS_LIST_SORT_VALUES!r}")
