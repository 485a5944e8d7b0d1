from typing import Literal

TimelineEntryTypeEnum = Literal['acknowledged', 'email', 'escalated', 'fired', 'notified', 'resolved', 'silenced', 'unsilenced']

TIMELINE_ENTRY_TYPE_ENUM_VALUES: set[TimelineEntryTypeEnum] = { 'acknowledged', 'email', 'escalated', 'fired', 'notified', 'resolved', 'silenced', 'unsilenced',  }

def check_timeline_entry_type_enum(value: str) -> TimelineEntryTypeEnum:
    if value in TIMELINE_ENTRY_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIMELINE_ENTRY_TYPE_ENUM_VALUES!r}")
