from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ProfileRequest")



@_attrs_define
class ProfileRequest:
    """ What a user may change about themselves: never their role or whether they are active.

        Attributes:
            username (str | Unset):
            email (str | Unset):
            full_name (str | Unset):
            alert_emails (bool | Unset): Email me when an alert fires, repeats or resolves (opt-in).
     """

    username: str | Unset = UNSET
    email: str | Unset = UNSET
    full_name: str | Unset = UNSET
    alert_emails: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        username = self.username

        email = self.email

        full_name = self.full_name

        alert_emails = self.alert_emails


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if username is not UNSET:
            field_dict["username"] = username
        if email is not UNSET:
            field_dict["email"] = email
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if alert_emails is not UNSET:
            field_dict["alert_emails"] = alert_emails

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username", UNSET)

        email = d.pop("email", UNSET)

        full_name = d.pop("full_name", UNSET)

        alert_emails = d.pop("alert_emails", UNSET)

        profile_request = cls(
            username=username,
            email=email,
            full_name=full_name,
            alert_emails=alert_emails,
        )


        profile_request.additional_properties = d
        return profile_request

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
