from typing import Literal

PipelinesListSort = Literal['created_at', 'finished_at', 'repository', 'started_at', 'status']

PIPELINES_LIST_SORT_VALUES: set[PipelinesListSort] = { 'created_at', 'finished_at', 'repository', 'started_at', 'status',  }

def check_pipelines_list_sort(value: str) -> PipelinesListSort:
    if value in PIPELINES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIPELINES_LIST_SORT_VALUES!r}")
