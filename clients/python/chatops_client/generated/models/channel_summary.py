from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel_summary_kind_enum import ChannelSummaryKindEnum
from ..models.channel_summary_kind_enum import check_channel_summary_kind_enum
from typing import cast






T = TypeVar("T", bound="ChannelSummary")



@_attrs_define
class ChannelSummary:
    """ 
        Attributes:
            id (int):
            name (str):
            kind (ChannelSummaryKindEnum): * `email` - Email
                * `inapp` - In-app
                * `webhook` - Webhook
                * `apprise` - Apprise service
     """

    id: int
    name: str
    kind: ChannelSummaryKindEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind: str = self.kind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = check_channel_summary_kind_enum(d.pop("kind"))




        channel_summary = cls(
            id=id,
            name=name,
            kind=kind,
        )


        channel_summary.additional_properties = d
        return channel_summary

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
