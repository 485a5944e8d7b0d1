from typing import Literal

RoomsListSort = Literal['created_at', 'name']

ROOMS_LIST_SORT_VALUES: set[RoomsListSort] = { 'created_at', 'name',  }

def check_rooms_list_sort(value: str) -> RoomsListSort:
    if value in ROOMS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROOMS_LIST_SORT_VALUES!r}")
