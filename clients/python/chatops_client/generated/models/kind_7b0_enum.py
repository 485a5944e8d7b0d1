from typing import Literal

Kind7B0Enum = Literal['k8s_restart', 'playbook', 'restart', 'run', 'stop']

KIND_7B0_ENUM_VALUES: set[Kind7B0Enum] = { 'k8s_restart', 'playbook', 'restart', 'run', 'stop',  }

def check_kind_7b0_enum(value: str) -> Kind7B0Enum:
    if value in KIND_7B0_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KIND_7B0_ENUM_VALUES!r}")
