"""The tag field, shared by every API that takes tag names (servers, thresholds), so that no
app imports the servers app's ``api`` package."""

from __future__ import annotations

from typing import Any

from chatops.api.fields import StrictCharField
from servers.models import tag_validator


class TagField(StrictCharField):
    """A tag name; surrounding space is dropped and it is lowercased before it is checked."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=50, validators=[tag_validator], **kwargs)

    def to_internal_value(self, data: Any) -> str:
        return str(super().to_internal_value(data)).strip().lower()
