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
import datetime

if TYPE_CHECKING:
  from ..models.created_integration_environment_mapping import CreatedIntegrationEnvironmentMapping
  from ..models.server_mapping import ServerMapping
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="CreatedIntegration")



@_attrs_define
class CreatedIntegration:
    """ 
        Attributes:
            id (int):
            name (str):
            provider (Provider3A4Enum): * `github` - GitHub
                * `gitlab` - GitLab
                * `generic` - Generic (signed JSON, CDEvents)
            secret (str): The secret. Shown this once, never again.
            receiver_url (str): Where the CI system sends its events.
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            repositories (list[str] | Unset): Shell patterns of the repositories accepted (`org/*`); empty accepts all.
            environment_mapping (CreatedIntegrationEnvironmentMapping | Unset): The provider's environment name -> ours
                (`{"prod": "production"}`).
            server_mapping (list[ServerMapping] | Unset): Which servers a deploy touches.
            delivery_retention_hours (int | Unset):
            enabled (bool | Unset):
     """

    id: int
    name: str
    provider: Provider3A4Enum
    secret: str
    receiver_url: str
    created_by: None | UserSummary
    created_at: datetime.datetime
    updated_at: datetime.datetime
    repositories: list[str] | Unset = UNSET
    environment_mapping: CreatedIntegrationEnvironmentMapping | Unset = UNSET
    server_mapping: list[ServerMapping] | Unset = UNSET
    delivery_retention_hours: int | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.created_integration_environment_mapping import CreatedIntegrationEnvironmentMapping # noqa: PLC0415
        from ..models.server_mapping import ServerMapping # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        name = self.name

        provider: str = self.provider

        secret = self.secret

        receiver_url = self.receiver_url

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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
            "id": id,
            "name": name,
            "provider": provider,
            "secret": secret,
            "receiver_url": receiver_url,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
        })
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
        from ..models.created_integration_environment_mapping import CreatedIntegrationEnvironmentMapping # noqa: PLC0415
        from ..models.server_mapping import ServerMapping # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        provider = check_provider_3a4_enum(d.pop("provider"))




        secret = d.pop("secret")

        receiver_url = d.pop("receiver_url")

        def _parse_created_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_1 = UserSummary.from_dict(data)



                return created_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        created_by = _parse_created_by(d.pop("created_by"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        repositories = cast(list[str], d.pop("repositories", UNSET))


        _environment_mapping = d.pop("environment_mapping", UNSET)
        environment_mapping: CreatedIntegrationEnvironmentMapping | Unset
        if isinstance(_environment_mapping,  Unset):
            environment_mapping = UNSET
        else:
            environment_mapping = CreatedIntegrationEnvironmentMapping.from_dict(_environment_mapping)




        _server_mapping = d.pop("server_mapping", UNSET)
        server_mapping: list[ServerMapping] | Unset = UNSET
        if _server_mapping is not UNSET:
            server_mapping = []
            for server_mapping_item_data in _server_mapping:
                server_mapping_item = ServerMapping.from_dict(server_mapping_item_data)



                server_mapping.append(server_mapping_item)


        delivery_retention_hours = d.pop("delivery_retention_hours", UNSET)

        enabled = d.pop("enabled", UNSET)

        created_integration = cls(
            id=id,
            name=name,
            provider=provider,
            secret=secret,
            receiver_url=receiver_url,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            repositories=repositories,
            environment_mapping=environment_mapping,
            server_mapping=server_mapping,
            delivery_retention_hours=delivery_retention_hours,
            enabled=enabled,
        )


        created_integration.additional_properties = d
        return created_integration

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
