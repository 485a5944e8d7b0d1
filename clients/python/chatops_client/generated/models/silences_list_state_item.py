from typing import Literal

SilencesListStateItem = Literal['active', 'expired', 'pending']

SILENCES_LIST_STATE_ITEM_VALUES: set[SilencesListStateItem] = { 'active', 'expired', 'pending',  }

def check_silences_list_state_item(value: str) -> SilencesListStateItem:
    if value in SILENCES_LIST_STATE_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SILENCES_LIST_STATE_ITEM_VALUES!r}")
