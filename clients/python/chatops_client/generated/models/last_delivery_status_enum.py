from typing import Literal

LastDeliveryStatusEnum = Literal['failed', 'succeeded']

LAST_DELIVERY_STATUS_ENUM_VALUES: set[LastDeliveryStatusEnum] = { 'failed', 'succeeded',  }

def check_last_delivery_status_enum(value: str) -> LastDeliveryStatusEnum:
    if value in LAST_DELIVERY_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LAST_DELIVERY_STATUS_ENUM_VALUES!r}")
