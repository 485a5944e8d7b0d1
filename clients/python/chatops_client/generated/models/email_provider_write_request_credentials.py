from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EmailProviderWriteRequestCredentials")



@_attrs_define
class EmailProviderWriteRequestCredentials:
    """ API providers' secrets, by anymail's names: amazon_ses: access_key_id, secret_access_key; brevo: api_key; mailgun:
    api_key; mailjet: api_key, secret_key; postmark: server_token; resend: api_key; sendgrid: api_key; sparkpost:
    api_key. One omitted keeps the stored one (same provider).

     """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_provider_write_request_credentials = cls(
        )


        email_provider_write_request_credentials.additional_properties = d
        return email_provider_write_request_credentials

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
