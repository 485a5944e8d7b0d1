from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ServerMapping")



@_attrs_define
class ServerMapping:
    """ 
        Attributes:
            environment (str | Unset): Our environment name (after mapping); empty: any. Default: ''.
            service (str | Unset): Empty: any service. Default: ''.
            hostnames (list[str] | Unset):
            tags (list[str] | Unset):
     """

    environment: str | Unset = ''
    service: str | Unset = ''
    hostnames: list[str] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        environment = self.environment

        service = self.service

        hostnames: list[str] | Unset = UNSET
        if not isinstance(self.hostnames, Unset):
            hostnames = self.hostnames



        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if environment is not UNSET:
            field_dict["environment"] = environment
        if service is not UNSET:
            field_dict["service"] = service
        if hostnames is not UNSET:
            field_dict["hostnames"] = hostnames
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        environment = d.pop("environment", UNSET)

        service = d.pop("service", UNSET)

        hostnames = cast(list[str], d.pop("hostnames", UNSET))


        tags = cast(list[str], d.pop("tags", UNSET))


        server_mapping = cls(
            environment=environment,
            service=service,
            hostnames=hostnames,
            tags=tags,
        )


        server_mapping.additional_properties = d
        return server_mapping

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
