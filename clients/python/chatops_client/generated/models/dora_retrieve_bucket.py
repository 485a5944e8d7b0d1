from typing import Literal

DoraRetrieveBucket = Literal['day', 'week']

DORA_RETRIEVE_BUCKET_VALUES: set[DoraRetrieveBucket] = { 'day', 'week',  }

def check_dora_retrieve_bucket(value: str) -> DoraRetrieveBucket:
    if value in DORA_RETRIEVE_BUCKET_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DORA_RETRIEVE_BUCKET_VALUES!r}")
