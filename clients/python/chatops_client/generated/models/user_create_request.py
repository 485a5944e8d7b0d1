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






T = TypeVar("T", bound="UserCreateRequest")



@_attrs_define
class UserCreateRequest:
    """ 
        Attributes:
            username (str):
            email (str):
            full_name (str | Unset):  Default: ''.
            role (Role7B5Enum | Unset): * `admin` - Admin
                * `operator` - Operator
                * `support` - Support
                * `viewer` - Viewer
                * `requester` - Requester Default: 'viewer'.
            password (str | Unset): Set it now; or leave it out and send `invite: true`.
            invite (bool | Unset): Email the user a link to choose their password (the answer shows the link once). Default:
                False.
     """

    username: str
    email: str
    full_name: str | Unset = ''
    role: Role7B5Enum | Unset = 'viewer'
    password: str | Unset = UNSET
    invite: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        username = self.username

        email = self.email

        full_name = self.full_name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role


        password = self.password

        invite = self.invite


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "username": username,
            "email": email,
        })
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if role is not UNSET:
            field_dict["role"] = role
        if password is not UNSET:
            field_dict["password"] = password
        if invite is not UNSET:
            field_dict["invite"] = invite

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        email = d.pop("email")

        full_name = d.pop("full_name", UNSET)

        _role = d.pop("role", UNSET)
        role: Role7B5Enum | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = check_role_7b5_enum(_role)




        password = d.pop("password", UNSET)

        invite = d.pop("invite", UNSET)

        user_create_request = cls(
            username=username,
            email=email,
            full_name=full_name,
            role=role,
            password=password,
            invite=invite,
        )


        user_create_request.additional_properties = d
        return user_create_request

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
