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
import datetime






T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ 
        Attributes:
            id (int):
            username (str):
            email (str):
            role (Role7B5Enum): * `admin` - Admin
                * `operator` - Operator
                * `support` - Support
                * `viewer` - Viewer
                * `requester` - Requester
            is_active (bool):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            full_name (str | Unset):
            alert_emails (bool | Unset): Email me when an alert fires, repeats or resolves (opt-in).
     """

    id: int
    username: str
    email: str
    role: Role7B5Enum
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    full_name: str | Unset = UNSET
    alert_emails: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        email = self.email

        role: str = self.role

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        full_name = self.full_name

        alert_emails = self.alert_emails


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "username": username,
            "email": email,
            "role": role,
            "is_active": is_active,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if alert_emails is not UNSET:
            field_dict["alert_emails"] = alert_emails

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        email = d.pop("email")

        role = check_role_7b5_enum(d.pop("role"))




        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        full_name = d.pop("full_name", UNSET)

        alert_emails = d.pop("alert_emails", UNSET)

        user = cls(
            id=id,
            username=username,
            email=email,
            role=role,
            is_active=is_active,
            created_at=created_at,
            updated_at=updated_at,
            full_name=full_name,
            alert_emails=alert_emails,
        )


        user.additional_properties = d
        return user

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
