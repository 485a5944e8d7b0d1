from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role_7b5_enum import check_role_7b5_enum
from ..models.role_7b5_enum import Role7B5Enum
from typing import cast






T = TypeVar("T", bound="DirectoryUser")



@_attrs_define
class DirectoryUser:
    """ A user as non-admins see them: who is who, for mentions and assignments.

        Attributes:
            id (int):
            username (str):
            full_name (str):
            role (Role7B5Enum): * `admin` - Admin
                * `operator` - Operator
                * `support` - Support
                * `viewer` - Viewer
                * `requester` - Requester
     """

    id: int
    username: str
    full_name: str
    role: Role7B5Enum





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        full_name = self.full_name

        role: str = self.role


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "username": username,
            "full_name": full_name,
            "role": role,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        full_name = d.pop("full_name")

        role = check_role_7b5_enum(d.pop("role"))




        directory_user = cls(
            id=id,
            username=username,
            full_name=full_name,
            role=role,
        )

        return directory_user

