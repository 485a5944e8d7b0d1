from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role_7b5_enum import check_role_7b5_enum
from ..models.role_7b5_enum import Role7B5Enum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="UserUpdateRequest")



@_attrs_define
class UserUpdateRequest:
    """ Send only what changes.

        Attributes:
            role (Role7B5Enum | Unset): * `admin` - Admin
                * `operator` - Operator
                * `support` - Support
                * `viewer` - Viewer
                * `requester` - Requester
            is_active (bool | Unset): False deactivates (as DELETE does); true reactivates.
            full_name (str | Unset):
     """

    role: Role7B5Enum | Unset = UNSET
    is_active: bool | Unset = UNSET
    full_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role


        is_active = self.is_active

        full_name = self.full_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if role is not UNSET:
            field_dict["role"] = role
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if full_name is not UNSET:
            field_dict["full_name"] = full_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _role = d.pop("role", UNSET)
        role: Role7B5Enum | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = check_role_7b5_enum(_role)




        is_active = d.pop("is_active", UNSET)

        full_name = d.pop("full_name", UNSET)

        user_update_request = cls(
            role=role,
            is_active=is_active,
            full_name=full_name,
        )


        user_update_request.additional_properties = d
        return user_update_request

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
