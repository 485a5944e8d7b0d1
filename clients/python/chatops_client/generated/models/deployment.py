from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.deployment_status_enum import check_deployment_status_enum
from ..models.deployment_status_enum import DeploymentStatusEnum
from ..models.provider_3a4_enum import check_provider_3a4_enum
from ..models.provider_3a4_enum import Provider3A4Enum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.deployed_server import DeployedServer





T = TypeVar("T", bound="Deployment")



@_attrs_define
class Deployment:
    """ 
        Attributes:
            id (int):
            integration (int | None):
            provider (Provider3A4Enum): * `github` - GitHub
                * `gitlab` - GitLab
                * `generic` - Generic (signed JSON, CDEvents)
            external_id (str):
            service (str):
            environment (str):
            provider_environment (str):
            repository (str):
            ref (str):
            sha (str):
            status (DeploymentStatusEnum): * `queued` - Queued
                * `running` - Running
                * `success` - Succeeded
                * `failed` - Failed
                * `canceled` - Canceled
                * `rolled_back` - Rolled back
            description (str):
            duration (float | None): Seconds.
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            first_commit_at (datetime.datetime | None):
            provider_url (str):
            servers (list[DeployedServer]): The servers it touched that you may see.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    integration: int | None
    provider: Provider3A4Enum
    external_id: str
    service: str
    environment: str
    provider_environment: str
    repository: str
    ref: str
    sha: str
    status: DeploymentStatusEnum
    description: str
    duration: float | None
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    first_commit_at: datetime.datetime | None
    provider_url: str
    servers: list[DeployedServer]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deployed_server import DeployedServer # noqa: PLC0415
        id = self.id

        integration: int | None
        integration = self.integration

        provider: str = self.provider

        external_id = self.external_id

        service = self.service

        environment = self.environment

        provider_environment = self.provider_environment

        repository = self.repository

        ref = self.ref

        sha = self.sha

        status: str = self.status

        description = self.description

        duration: float | None
        duration = self.duration

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        first_commit_at: None | str
        if isinstance(self.first_commit_at, datetime.datetime):
            first_commit_at = self.first_commit_at.isoformat()
        else:
            first_commit_at = self.first_commit_at

        provider_url = self.provider_url

        servers = []
        for servers_item_data in self.servers:
            servers_item = servers_item_data.to_dict()
            servers.append(servers_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "integration": integration,
            "provider": provider,
            "external_id": external_id,
            "service": service,
            "environment": environment,
            "provider_environment": provider_environment,
            "repository": repository,
            "ref": ref,
            "sha": sha,
            "status": status,
            "description": description,
            "duration": duration,
            "started_at": started_at,
            "finished_at": finished_at,
            "first_commit_at": first_commit_at,
            "provider_url": provider_url,
            "servers": servers,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deployed_server import DeployedServer # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_integration(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        integration = _parse_integration(d.pop("integration"))


        provider = check_provider_3a4_enum(d.pop("provider"))




        external_id = d.pop("external_id")

        service = d.pop("service")

        environment = d.pop("environment")

        provider_environment = d.pop("provider_environment")

        repository = d.pop("repository")

        ref = d.pop("ref")

        sha = d.pop("sha")

        status = check_deployment_status_enum(d.pop("status"))




        description = d.pop("description")

        def _parse_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration = _parse_duration(d.pop("duration"))


        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        def _parse_first_commit_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_commit_at_type_0 = datetime.datetime.fromisoformat(data)



                return first_commit_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_commit_at = _parse_first_commit_at(d.pop("first_commit_at"))


        provider_url = d.pop("provider_url")

        servers = []
        _servers = d.pop("servers")
        for servers_item_data in (_servers):
            servers_item = DeployedServer.from_dict(servers_item_data)



            servers.append(servers_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        deployment = cls(
            id=id,
            integration=integration,
            provider=provider,
            external_id=external_id,
            service=service,
            environment=environment,
            provider_environment=provider_environment,
            repository=repository,
            ref=ref,
            sha=sha,
            status=status,
            description=description,
            duration=duration,
            started_at=started_at,
            finished_at=finished_at,
            first_commit_at=first_commit_at,
            provider_url=provider_url,
            servers=servers,
            created_at=created_at,
            updated_at=updated_at,
        )


        deployment.additional_properties = d
        return deployment

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
