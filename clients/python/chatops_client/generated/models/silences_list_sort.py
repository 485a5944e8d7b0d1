from typing import Literal

SilencesListSort = Literal['created_at', 'ends_at', 'starts_at']

SILENCES_LIST_SORT_VALUES: set[SilencesListSort] = { 'created_at', 'ends_at', 'starts_at',  }

def check_silences_list_sort(value: str) -> SilencesListSort:
    if value in SILENCES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SILENCES_LIST_SORT_VALUES!r}")
