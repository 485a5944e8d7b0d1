from typing import Literal

TeamsListOrder = Literal['asc', 'desc']

TEAMS_LIST_ORDER_VALUES: set[TeamsListOrder] = { 'asc', 'desc',  }

def check_teams_list_order(value: str) -> TeamsListOrder:
    if value in TEAMS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEAMS_LIST_ORDER_VALUES!r}")
