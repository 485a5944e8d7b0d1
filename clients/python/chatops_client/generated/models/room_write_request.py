from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RoomWriteRequest")



@_attrs_define
class RoomWriteRequest:
    """ 
        Attributes:
            name (str): Unique among the rooms not archived (case-insensitive).
            topic (str | Unset):
            private (bool | Unset): Private rooms: only members (and admins) see them; people join by invitation.
     """

    name: str
    topic: str | Unset = UNSET
    private: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        topic = self.topic

        private = self.private


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if topic is not UNSET:
            field_dict["topic"] = topic
        if private is not UNSET:
            field_dict["private"] = private

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        topic = d.pop("topic", UNSET)

        private = d.pop("private", UNSET)

        room_write_request = cls(
            name=name,
            topic=topic,
            private=private,
        )


        room_write_request.additional_properties = d
        return room_write_request

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
