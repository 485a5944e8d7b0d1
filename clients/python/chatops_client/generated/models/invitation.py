from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Invitation")



@_attrs_define
class Invitation:
    """ 
        Attributes:
            url (str): The link to send; it works once. Shown this once, never again.
            token (str): The token in the link, for POST /users/invitations/accept.
            expires_at (datetime.datetime):
            emailed (bool): Whether the link was emailed to the user.
            email_error (str): Why the email failed (empty when it left).
     """

    url: str
    token: str
    expires_at: datetime.datetime
    emailed: bool
    email_error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        token = self.token

        expires_at = self.expires_at.isoformat()

        emailed = self.emailed

        email_error = self.email_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "token": token,
            "expires_at": expires_at,
            "emailed": emailed,
            "email_error": email_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        token = d.pop("token")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        emailed = d.pop("emailed")

        email_error = d.pop("email_error")

        invitation = cls(
            url=url,
            token=token,
            expires_at=expires_at,
            emailed=emailed,
            email_error=email_error,
        )


        invitation.additional_properties = d
        return invitation

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
