from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category_enum import CategoryEnum
from ..models.category_enum import check_category_enum
from ..models.priority_enum import check_priority_enum
from ..models.priority_enum import PriorityEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TicketCreateRequest")



@_attrs_define
class TicketCreateRequest:
    """ 
        Attributes:
            title (str):
            description (str | Unset):  Default: ''.
            priority (PriorityEnum | Unset): * `low` - Low
                * `medium` - Medium
                * `high` - High
                * `critical` - Critical
            category (CategoryEnum | Unset): * `system_down` - System down
                * `performance_issue` - Performance issue
                * `password_reset` - Password reset
                * `software_installation` - Software installation
                * `hardware_issue` - Hardware issue
                * `network_issue` - Network issue
                * `other` - Other
            requester (int | Unset): Support staff: open it on someone's behalf (their user id).
     """

    title: str
    description: str | Unset = ''
    priority: PriorityEnum | Unset = UNSET
    category: CategoryEnum | Unset = UNSET
    requester: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority


        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category


        requester = self.requester


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "title": title,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if priority is not UNSET:
            field_dict["priority"] = priority
        if category is not UNSET:
            field_dict["category"] = category
        if requester is not UNSET:
            field_dict["requester"] = requester

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: PriorityEnum | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = check_priority_enum(_priority)




        _category = d.pop("category", UNSET)
        category: CategoryEnum | Unset
        if isinstance(_category,  Unset):
            category = UNSET
        else:
            category = check_category_enum(_category)




        requester = d.pop("requester", UNSET)

        ticket_create_request = cls(
            title=title,
            description=description,
            priority=priority,
            category=category,
            requester=requester,
        )


        ticket_create_request.additional_properties = d
        return ticket_create_request

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
