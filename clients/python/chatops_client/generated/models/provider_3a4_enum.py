from typing import Literal

Provider3A4Enum = Literal['generic', 'github', 'gitlab']

PROVIDER_3A4_ENUM_VALUES: set[Provider3A4Enum] = { 'generic', 'github', 'gitlab',  }

def check_provider_3a4_enum(value: str) -> Provider3A4Enum:
    if value in PROVIDER_3A4_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROVIDER_3A4_ENUM_VALUES!r}")
