from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.timezone_enum import check_timezone_enum
from ..models.timezone_enum import TimezoneEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Preference")



@_attrs_define
class Preference:
    """ 
        Attributes:
            enabled (bool): Whether quiet hours apply.
            quiet_start (str): Local time quiet hours begin, HH:MM. Example: 22:00.
            quiet_end (str): Local time they end, HH:MM; before quiet_start: they span midnight; equal: none. Example:
                22:00.
            timezone (TimezoneEnum):
            updated_at (datetime.datetime | None): Null until first saved.
     """

    enabled: bool
    quiet_start: str
    quiet_end: str
    timezone: TimezoneEnum
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        quiet_start = self.quiet_start

        quiet_end = self.quiet_end

        timezone: str = self.timezone

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "enabled": enabled,
            "quiet_start": quiet_start,
            "quiet_end": quiet_end,
            "timezone": timezone,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        quiet_start = d.pop("quiet_start")

        quiet_end = d.pop("quiet_end")

        timezone = check_timezone_enum(d.pop("timezone"))




        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        preference = cls(
            enabled=enabled,
            quiet_start=quiet_start,
            quiet_end=quiet_end,
            timezone=timezone,
            updated_at=updated_at,
        )


        preference.additional_properties = d
        return preference

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
