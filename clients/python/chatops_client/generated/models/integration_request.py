from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_3a4_enum import check_provider_3a4_enum
from ..models.provider_3a4_enum import Provider3A4Enum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.integration_request_environment_mapping import IntegrationRequestEnvironmentMapping
  from ..models.server_mapping_request import ServerMappingRequest





T = TypeVar("T", bound="IntegrationRequest")



@_attrs_define
class IntegrationRequest:
    """ 
        Attributes:
            name (str):
            provider (Provider3A4Enum): * `github` - GitHub
                * `gitlab` - GitLab
                * `generic` - Generic (signed JSON, CDEvents)
            secret (str | Unset): The shared secret (GitHub's webhook secret, GitLab's secret token, or the key our generic
                format is signed with). Omit it on creation to have one generated; it is shown in the creation response only.
                Give it on update to replace it.
            repositories (list[str] | Unset): Shell patterns of the repositories accepted (`org/*`); empty accepts all.
            environment_mapping (IntegrationRequestEnvironmentMapping | Unset): The provider's environment name -> ours
                (`{"prod": "production"}`).
            server_mapping (list[ServerMappingRequest] | Unset): Which servers a deploy touches.
            delivery_retention_hours (int | Unset):
            enabled (bool | Unset):
     """

    name: str
    provider: Provider3A4Enum
    secret: str | Unset = UNSET
    repositories: list[str] | Unset = UNSET
    environment_mapping: IntegrationRequestEnvironmentMapping | Unset = UNSET
    server_mapping: list[ServerMappingRequest] | Unset = UNSET
    delivery_retention_hours: int | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.integration_request_environment_mapping import IntegrationRequestEnvironmentMapping # noqa: PLC0415
        from ..models.server_mapping_request import ServerMappingRequest # noqa: PLC0415
        name = self.name

        provider: str = self.provider

        secret = self.secret

        repositories: list[str] | Unset = UNSET
        if not isinstance(self.repositories, Unset):
            repositories = self.repositories



        environment_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.environment_mapping, Unset):
            environment_mapping = self.environment_mapping.to_dict()

        server_mapping: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.server_mapping, Unset):
            server_mapping = []
            for server_mapping_item_data in self.server_mapping:
                server_mapping_item = server_mapping_item_data.to_dict()
                server_mapping.append(server_mapping_item)



        delivery_retention_hours = self.delivery_retention_hours

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "provider": provider,
        })
        if secret is not UNSET:
            field_dict["secret"] = secret
        if repositories is not UNSET:
            field_dict["repositories"] = repositories
        if environment_mapping is not UNSET:
            field_dict["environment_mapping"] = environment_mapping
        if server_mapping is not UNSET:
            field_dict["server_mapping"] = server_mapping
        if delivery_retention_hours is not UNSET:
            field_dict["delivery_retention_hours"] = delivery_retention_hours
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.integration_request_environment_mapping import IntegrationRequestEnvironmentMapping # noqa: PLC0415
        from ..models.server_mapping_request import ServerMappingRequest # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        provider = check_provider_3a4_enum(d.pop("provider"))




        secret = d.pop("secret", UNSET)

        repositories = cast(list[str], d.pop("repositories", UNSET))


        _environment_mapping = d.pop("environment_mapping", UNSET)
        environment_mapping: IntegrationRequestEnvironmentMapping | Unset
        if isinstance(_environment_mapping,  Unset):
            environment_mapping = UNSET
        else:
            environment_mapping = IntegrationRequestEnvironmentMapping.from_dict(_environment_mapping)




        _server_mapping = d.pop("server_mapping", UNSET)
        server_mapping: list[ServerMappingRequest] | Unset = UNSET
        if _server_mapping is not UNSET:
            server_mapping = []
            for server_mapping_item_data in _server_mapping:
                server_mapping_item = ServerMappingRequest.from_dict(server_mapping_item_data)



                server_mapping.append(server_mapping_item)


        delivery_retention_hours = d.pop("delivery_retention_hours", UNSET)

        enabled = d.pop("enabled", UNSET)

        integration_request = cls(
            name=name,
            provider=provider,
            secret=secret,
            repositories=repositories,
            environment_mapping=environment_mapping,
            server_mapping=server_mapping,
            delivery_retention_hours=delivery_retention_hours,
            enabled=enabled,
        )


        integration_request.additional_properties = d
        return integration_request

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
