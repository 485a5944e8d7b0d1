from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from typing import cast






T = TypeVar("T", bound="AlertSubscription")



@_attrs_define
class AlertSubscription:
    """ As stored: both lists always there, sorted, without repeats.

        Attributes:
            severities (list[SeverityEnum]):
            tags (list[str]):
     """

    severities: list[SeverityEnum]
    tags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        severities = []
        for severities_item_data in self.severities:
            severities_item: str = severities_item_data
            severities.append(severities_item)



        tags = self.tags




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "severities": severities,
            "tags": tags,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        severities = []
        _severities = d.pop("severities")
        for severities_item_data in (_severities):
            severities_item = check_severity_enum(severities_item_data)



            severities.append(severities_item)


        tags = cast(list[str], d.pop("tags"))


        alert_subscription = cls(
            severities=severities,
            tags=tags,
        )


        alert_subscription.additional_properties = d
        return alert_subscription

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
