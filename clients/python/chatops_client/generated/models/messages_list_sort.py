from typing import Literal

MessagesListSort = Literal['created_at', 'id']

MESSAGES_LIST_SORT_VALUES: set[MessagesListSort] = { 'created_at', 'id',  }

def check_messages_list_sort(value: str) -> MessagesListSort:
    if value in MESSAGES_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGES_LIST_SORT_VALUES!r}")
