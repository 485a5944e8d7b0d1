from typing import Literal

ReceiptVerdictEnum = Literal['accepted', 'duplicate', 'filtered', 'unknown_event']

RECEIPT_VERDICT_ENUM_VALUES: set[ReceiptVerdictEnum] = { 'accepted', 'duplicate', 'filtered', 'unknown_event',  }

def check_receipt_verdict_enum(value: str) -> ReceiptVerdictEnum:
    if value in RECEIPT_VERDICT_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIPT_VERDICT_ENUM_VALUES!r}")
