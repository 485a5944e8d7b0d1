from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedServerRequest")



@_attrs_define
class PatchedServerRequest:
    """ 
        Attributes:
            name (str | Unset):
            hostname (str | Unset):
            ip_address (Any | Unset):
            os (str | Unset):
            tags (list[str] | Unset): Up to 20 tags.
            description (str | Unset):
     """

    name: str | Unset = UNSET
    hostname: str | Unset = UNSET
    ip_address: Any | Unset = UNSET
    os: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        hostname = self.hostname

        ip_address: Any | Unset
        if isinstance(self.ip_address, Unset):
            ip_address = UNSET
        else:
            ip_address = self.ip_address

        os = self.os

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if hostname is not UNSET:
            field_dict["hostname"] = hostname
        if ip_address is not UNSET:
            field_dict["ip_address"] = ip_address
        if os is not UNSET:
            field_dict["os"] = os
        if tags is not UNSET:
            field_dict["tags"] = tags
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        hostname = d.pop("hostname", UNSET)

        def _parse_ip_address(data: object) -> Any | Unset:
            if isinstance(data, Unset):
                return data
            return cast(Any | Unset, data)

        ip_address = _parse_ip_address(d.pop("ip_address", UNSET))


        os = d.pop("os", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        description = d.pop("description", UNSET)

        patched_server_request = cls(
            name=name,
            hostname=hostname,
            ip_address=ip_address,
            os=os,
            tags=tags,
            description=description,
        )


        patched_server_request.additional_properties = d
        return patched_server_request

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
