from typing import Literal

CatalogEntryKindEnum = Literal['custom', 'server']

CATALOG_ENTRY_KIND_ENUM_VALUES: set[CatalogEntryKindEnum] = { 'custom', 'server',  }

def check_catalog_entry_kind_enum(value: str) -> CatalogEntryKindEnum:
    if value in CATALOG_ENTRY_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CATALOG_ENTRY_KIND_ENUM_VALUES!r}")
