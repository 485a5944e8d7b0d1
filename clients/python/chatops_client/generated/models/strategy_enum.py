from typing import Literal

StrategyEnum = Literal['least_loaded', 'round_robin']

STRATEGY_ENUM_VALUES: set[StrategyEnum] = { 'least_loaded', 'round_robin',  }

def check_strategy_enum(value: str) -> StrategyEnum:
    if value in STRATEGY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STRATEGY_ENUM_VALUES!r}")
