from typing import Literal

OperatorEnum = Literal['<', '<=', '>', '>=']

OPERATOR_ENUM_VALUES: set[OperatorEnum] = { '<', '<=', '>', '>=',  }

def check_operator_enum(value: str) -> OperatorEnum:
    if value in OPERATOR_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OPERATOR_ENUM_VALUES!r}")
