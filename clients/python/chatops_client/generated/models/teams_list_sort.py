from typing import Literal

TeamsListSort = Literal['created_at', 'name']

TEAMS_LIST_SORT_VALUES: set[TeamsListSort] = { 'created_at', 'name',  }

def check_teams_list_sort(value: str) -> TeamsListSort:
    if value in TEAMS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEAMS_LIST_SORT_VALUES!r}")
