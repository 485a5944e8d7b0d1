from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.priority_enum import check_priority_enum
from ..models.priority_enum import PriorityEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedSLAPolicyRequest")



@_attrs_define
class PatchedSLAPolicyRequest:
    """ The targets of one priority.

        Attributes:
            priority (PriorityEnum | Unset): * `low` - Low
                * `medium` - Medium
                * `high` - High
                * `critical` - Critical
            first_response_minutes (int | Unset): Minutes of running clock to the first public reply (1 to 527040).
            resolution_minutes (int | Unset): Minutes of running clock to the resolution (1 to 527040); at least
                first_response_minutes.
            enabled (bool | Unset): A disabled policy starts no clock (default true).
     """

    priority: PriorityEnum | Unset = UNSET
    first_response_minutes: int | Unset = UNSET
    resolution_minutes: int | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority


        first_response_minutes = self.first_response_minutes

        resolution_minutes = self.resolution_minutes

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if priority is not UNSET:
            field_dict["priority"] = priority
        if first_response_minutes is not UNSET:
            field_dict["first_response_minutes"] = first_response_minutes
        if resolution_minutes is not UNSET:
            field_dict["resolution_minutes"] = resolution_minutes
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _priority = d.pop("priority", UNSET)
        priority: PriorityEnum | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = check_priority_enum(_priority)




        first_response_minutes = d.pop("first_response_minutes", UNSET)

        resolution_minutes = d.pop("resolution_minutes", UNSET)

        enabled = d.pop("enabled", UNSET)

        patched_sla_policy_request = cls(
            priority=priority,
            first_response_minutes=first_response_minutes,
            resolution_minutes=resolution_minutes,
            enabled=enabled,
        )


        patched_sla_policy_request.additional_properties = d
        return patched_sla_policy_request

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
