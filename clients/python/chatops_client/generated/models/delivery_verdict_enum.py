from typing import Literal

DeliveryVerdictEnum = Literal['accepted', 'bad_signature', 'duplicate', 'filtered', 'invalid', 'unknown_event']

DELIVERY_VERDICT_ENUM_VALUES: set[DeliveryVerdictEnum] = { 'accepted', 'bad_signature', 'duplicate', 'filtered', 'invalid', 'unknown_event',  }

def check_delivery_verdict_enum(value: str) -> DeliveryVerdictEnum:
    if value in DELIVERY_VERDICT_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELIVERY_VERDICT_ENUM_VALUES!r}")
