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
from ..models.status_952_enum import check_status_952_enum
from ..models.status_952_enum import Status952Enum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TicketUpdateRequest")



@_attrs_define
class TicketUpdateRequest:
    """ Every field optional (PUT and PATCH alike, as the seed's PUT takes any of them).

        Attributes:
            title (str | Unset):
            description (str | Unset):
            priority (PriorityEnum | Unset): * `low` - Low
                * `medium` - Medium
                * `high` - High
                * `critical` - Critical
            status (Status952Enum | Unset): * `open` - Open
                * `in_progress` - In progress
                * `pending` - Pending (waiting on the requester)
                * `resolved` - Resolved
                * `closed` - Closed
                * `cancelled` - Cancelled
            category (CategoryEnum | Unset): * `system_down` - System down
                * `performance_issue` - Performance issue
                * `password_reset` - Password reset
                * `software_installation` - Software installation
                * `hardware_issue` - Hardware issue
                * `network_issue` - Network issue
                * `other` - Other
            assigned_to (int | None | Unset): An active support, operator or admin account; null: unassigned.
     """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    priority: PriorityEnum | Unset = UNSET
    status: Status952Enum | Unset = UNSET
    category: CategoryEnum | Unset = UNSET
    assigned_to: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority


        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category


        assigned_to: int | None | Unset
        if isinstance(self.assigned_to, Unset):
            assigned_to = UNSET
        else:
            assigned_to = self.assigned_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if priority is not UNSET:
            field_dict["priority"] = priority
        if status is not UNSET:
            field_dict["status"] = status
        if category is not UNSET:
            field_dict["category"] = category
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: PriorityEnum | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = check_priority_enum(_priority)




        _status = d.pop("status", UNSET)
        status: Status952Enum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_status_952_enum(_status)




        _category = d.pop("category", UNSET)
        category: CategoryEnum | Unset
        if isinstance(_category,  Unset):
            category = UNSET
        else:
            category = check_category_enum(_category)




        def _parse_assigned_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))


        ticket_update_request = cls(
            title=title,
            description=description,
            priority=priority,
            status=status,
            category=category,
            assigned_to=assigned_to,
        )


        ticket_update_request.additional_properties = d
        return ticket_update_request

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
