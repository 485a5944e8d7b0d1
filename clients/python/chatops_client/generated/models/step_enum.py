from typing import Literal

StepEnum = Literal['authenticate', 'configuration', 'connect', 'login', 'send', 'tls']

STEP_ENUM_VALUES: set[StepEnum] = { 'authenticate', 'configuration', 'connect', 'login', 'send', 'tls',  }

def check_step_enum(value: str) -> StepEnum:
    if value in STEP_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STEP_ENUM_VALUES!r}")
