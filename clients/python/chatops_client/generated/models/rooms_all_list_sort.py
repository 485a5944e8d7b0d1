from typing import Literal

RoomsAllListSort = Literal['created_at', 'name']

ROOMS_ALL_LIST_SORT_VALUES: set[RoomsAllListSort] = { 'created_at', 'name',  }

def check_rooms_all_list_sort(value: str) -> RoomsAllListSort:
    if value in ROOMS_ALL_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROOMS_ALL_LIST_SORT_VALUES!r}")
