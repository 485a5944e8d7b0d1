from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="OptionsRequest")



@_attrs_define
class OptionsRequest:
    """ An API provider's settings that are not secret (which apply: see each provider).

        Attributes:
            api_url (str | Unset): The provider's API base URL (Mailgun's EU region: https://api.eu.mailgun.net/v3).
                Default: the provider's own.
            sender_domain (str | Unset): Mailgun.
            region_name (str | Unset): Amazon SES.
     """

    api_url: str | Unset = UNSET
    sender_domain: str | Unset = UNSET
    region_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        api_url = self.api_url

        sender_domain = self.sender_domain

        region_name = self.region_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if api_url is not UNSET:
            field_dict["api_url"] = api_url
        if sender_domain is not UNSET:
            field_dict["sender_domain"] = sender_domain
        if region_name is not UNSET:
            field_dict["region_name"] = region_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_url = d.pop("api_url", UNSET)

        sender_domain = d.pop("sender_domain", UNSET)

        region_name = d.pop("region_name", UNSET)

        options_request = cls(
            api_url=api_url,
            sender_domain=sender_domain,
            region_name=region_name,
        )


        options_request.additional_properties = d
        return options_request

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
