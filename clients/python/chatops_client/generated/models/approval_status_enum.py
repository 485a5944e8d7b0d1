from typing import Literal

ApprovalStatusEnum = Literal['approved', 'denied', 'expired', 'failed', 'pending']

APPROVAL_STATUS_ENUM_VALUES: set[ApprovalStatusEnum] = { 'approved', 'denied', 'expired', 'failed', 'pending',  }

def check_approval_status_enum(value: str) -> ApprovalStatusEnum:
    if value in APPROVAL_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVAL_STATUS_ENUM_VALUES!r}")
