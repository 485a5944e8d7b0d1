from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AlertSubscriptionRequest")



@_attrs_define
class AlertSubscriptionRequest:
    """ 
        Attributes:
            severities (list[SeverityEnum] | Unset): The alerts' severities this subscription takes; empty (or absent):
                every severity.
            tags (list[str] | Unset): Alerts of servers with any of these tags; empty (or absent): every server.
     """

    severities: list[SeverityEnum] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        severities: list[str] | Unset = UNSET
        if not isinstance(self.severities, Unset):
            severities = []
            for severities_item_data in self.severities:
                severities_item: str = severities_item_data
                severities.append(severities_item)



        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if severities is not UNSET:
            field_dict["severities"] = severities
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _severities = d.pop("severities", UNSET)
        severities: list[SeverityEnum] | Unset = UNSET
        if _severities is not UNSET:
            severities = []
            for severities_item_data in _severities:
                severities_item = check_severity_enum(severities_item_data)



                severities.append(severities_item)


        tags = cast(list[str], d.pop("tags", UNSET))


        alert_subscription_request = cls(
            severities=severities,
            tags=tags,
        )


        alert_subscription_request.additional_properties = d
        return alert_subscription_request

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
