from typing import Literal

SlaStateEnum = Literal['breached', 'met', 'none', 'paused', 'running']

SLA_STATE_ENUM_VALUES: set[SlaStateEnum] = { 'breached', 'met', 'none', 'paused', 'running',  }

def check_sla_state_enum(value: str) -> SlaStateEnum:
    if value in SLA_STATE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLA_STATE_ENUM_VALUES!r}")
