from typing import Literal

LabelEnum = Literal['alert_name', 'kind', 'server', 'severity', 'tag', 'threshold']

LABEL_ENUM_VALUES: set[LabelEnum] = { 'alert_name', 'kind', 'server', 'severity', 'tag', 'threshold',  }

def check_label_enum(value: str) -> LabelEnum:
    if value in LABEL_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LABEL_ENUM_VALUES!r}")
