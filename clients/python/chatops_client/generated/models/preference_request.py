from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.timezone_enum import check_timezone_enum
from ..models.timezone_enum import TimezoneEnum
from typing import cast






T = TypeVar("T", bound="PreferenceRequest")



@_attrs_define
class PreferenceRequest:
    """ 
        Attributes:
            enabled (bool): Whether quiet hours apply.
            quiet_start (str): Local time quiet hours begin, HH:MM. Example: 22:00.
            quiet_end (str): Local time they end, HH:MM; before quiet_start: they span midnight; equal: none. Example:
                22:00.
            timezone (TimezoneEnum):
     """

    enabled: bool
    quiet_start: str
    quiet_end: str
    timezone: TimezoneEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        quiet_start = self.quiet_start

        quiet_end = self.quiet_end

        timezone: str = self.timezone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "enabled": enabled,
            "quiet_start": quiet_start,
            "quiet_end": quiet_end,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        quiet_start = d.pop("quiet_start")

        quiet_end = d.pop("quiet_end")

        timezone = check_timezone_enum(d.pop("timezone"))




        preference_request = cls(
            enabled=enabled,
            quiet_start=quiet_start,
            quiet_end=quiet_end,
            timezone=timezone,
        )


        preference_request.additional_properties = d
        return preference_request

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
