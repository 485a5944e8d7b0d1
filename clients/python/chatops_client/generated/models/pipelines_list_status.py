from typing import Literal

PipelinesListStatus = Literal['canceled', 'failed', 'queued', 'running', 'skipped', 'success']

PIPELINES_LIST_STATUS_VALUES: set[PipelinesListStatus] = { 'canceled', 'failed', 'queued', 'running', 'skipped', 'success',  }

def check_pipelines_list_status(value: str) -> PipelinesListStatus:
    if value in PIPELINES_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIPELINES_LIST_STATUS_VALUES!r}")
