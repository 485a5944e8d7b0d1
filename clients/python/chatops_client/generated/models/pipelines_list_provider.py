from typing import Literal

PipelinesListProvider = Literal['generic', 'github', 'gitlab']

PIPELINES_LIST_PROVIDER_VALUES: set[PipelinesListProvider] = { 'generic', 'github', 'gitlab',  }

def check_pipelines_list_provider(value: str) -> PipelinesListProvider:
    if value in PIPELINES_LIST_PROVIDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIPELINES_LIST_PROVIDER_VALUES!r}")
