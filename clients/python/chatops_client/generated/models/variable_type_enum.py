from typing import Literal

VariableTypeEnum = Literal['boolean', 'choice', 'float', 'integer', 'list', 'string']

VARIABLE_TYPE_ENUM_VALUES: set[VariableTypeEnum] = { 'boolean', 'choice', 'float', 'integer', 'list', 'string',  }

def check_variable_type_enum(value: str) -> VariableTypeEnum:
    if value in VARIABLE_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VARIABLE_TYPE_ENUM_VALUES!r}")
