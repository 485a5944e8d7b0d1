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
import datetime






T = TypeVar("T", bound="SLAPolicy")



@_attrs_define
class SLAPolicy:
    """ The targets of one priority.

        Attributes:
            id (int):
            priority (PriorityEnum): * `low` - Low
                * `medium` - Medium
                * `high` - High
                * `critical` - Critical
            first_response_minutes (int): Minutes of running clock to the first public reply (1 to 527040).
            resolution_minutes (int): Minutes of running clock to the resolution (1 to 527040); at least
                first_response_minutes.
            updated_at (datetime.datetime):
            enabled (bool | Unset): A disabled policy starts no clock (default true).
     """

    id: int
    priority: PriorityEnum
    first_response_minutes: int
    resolution_minutes: int
    updated_at: datetime.datetime
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        priority: str = self.priority

        first_response_minutes = self.first_response_minutes

        resolution_minutes = self.resolution_minutes

        updated_at = self.updated_at.isoformat()

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "priority": priority,
            "first_response_minutes": first_response_minutes,
            "resolution_minutes": resolution_minutes,
            "updated_at": updated_at,
        })
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        priority = check_priority_enum(d.pop("priority"))




        first_response_minutes = d.pop("first_response_minutes")

        resolution_minutes = d.pop("resolution_minutes")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        enabled = d.pop("enabled", UNSET)

        sla_policy = cls(
            id=id,
            priority=priority,
            first_response_minutes=first_response_minutes,
            resolution_minutes=resolution_minutes,
            updated_at=updated_at,
            enabled=enabled,
        )


        sla_policy.additional_properties = d
        return sla_policy

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
