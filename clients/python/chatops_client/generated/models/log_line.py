from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.level_enum import check_level_enum
from ..models.level_enum import LevelEnum
from typing import cast
import datetime






T = TypeVar("T", bound="LogLine")



@_attrs_define
class LogLine:
    """ 
        Attributes:
            id (int):
            ts (datetime.datetime):
            level (LevelEnum): * `debug` - Debug
                * `info` - Info
                * `notice` - Notice
                * `warning` - Warning
                * `error` - Error
                * `critical` - Critical
                * `unknown` - Unknown
            source (str):
            message (str):
     """

    id: int
    ts: datetime.datetime
    level: LevelEnum
    source: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ts = self.ts.isoformat()

        level: str = self.level

        source = self.source

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "ts": ts,
            "level": level,
            "source": source,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        ts = datetime.datetime.fromisoformat(d.pop("ts"))




        level = check_level_enum(d.pop("level"))




        source = d.pop("source")

        message = d.pop("message")

        log_line = cls(
            id=id,
            ts=ts,
            level=level,
            source=source,
            message=message,
        )


        log_line.additional_properties = d
        return log_line

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
