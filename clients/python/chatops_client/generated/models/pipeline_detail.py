from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_3a4_enum import check_provider_3a4_enum
from ..models.provider_3a4_enum import Provider3A4Enum
from ..models.status_917_enum import check_status_917_enum
from ..models.status_917_enum import Status917Enum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.commit import Commit
  from ..models.stage import Stage





T = TypeVar("T", bound="PipelineDetail")



@_attrs_define
class PipelineDetail:
    """ 
        Attributes:
            id (int):
            integration (int | None):
            provider (Provider3A4Enum): * `github` - GitHub
                * `gitlab` - GitLab
                * `generic` - Generic (signed JSON, CDEvents)
            external_id (str):
            name (str):
            repository (str):
            branch (str):
            status (Status917Enum): * `queued` - Queued
                * `running` - Running
                * `success` - Succeeded
                * `failed` - Failed
                * `canceled` - Canceled
                * `skipped` - Skipped
            duration (float | None): Seconds.
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            commit (Commit):
            provider_url (str): The run on the provider.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            stages (list[Stage]):
     """

    id: int
    integration: int | None
    provider: Provider3A4Enum
    external_id: str
    name: str
    repository: str
    branch: str
    status: Status917Enum
    duration: float | None
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    commit: Commit
    provider_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    stages: list[Stage]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.commit import Commit # noqa: PLC0415
        from ..models.stage import Stage # noqa: PLC0415
        id = self.id

        integration: int | None
        integration = self.integration

        provider: str = self.provider

        external_id = self.external_id

        name = self.name

        repository = self.repository

        branch = self.branch

        status: str = self.status

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

        commit = self.commit.to_dict()

        provider_url = self.provider_url

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "integration": integration,
            "provider": provider,
            "external_id": external_id,
            "name": name,
            "repository": repository,
            "branch": branch,
            "status": status,
            "duration": duration,
            "started_at": started_at,
            "finished_at": finished_at,
            "commit": commit,
            "provider_url": provider_url,
            "created_at": created_at,
            "updated_at": updated_at,
            "stages": stages,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commit import Commit # noqa: PLC0415
        from ..models.stage import Stage # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_integration(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        integration = _parse_integration(d.pop("integration"))


        provider = check_provider_3a4_enum(d.pop("provider"))




        external_id = d.pop("external_id")

        name = d.pop("name")

        repository = d.pop("repository")

        branch = d.pop("branch")

        status = check_status_917_enum(d.pop("status"))




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


        commit = Commit.from_dict(d.pop("commit"))




        provider_url = d.pop("provider_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        stages = []
        _stages = d.pop("stages")
        for stages_item_data in (_stages):
            stages_item = Stage.from_dict(stages_item_data)



            stages.append(stages_item)


        pipeline_detail = cls(
            id=id,
            integration=integration,
            provider=provider,
            external_id=external_id,
            name=name,
            repository=repository,
            branch=branch,
            status=status,
            duration=duration,
            started_at=started_at,
            finished_at=finished_at,
            commit=commit,
            provider_url=provider_url,
            created_at=created_at,
            updated_at=updated_at,
            stages=stages,
        )


        pipeline_detail.additional_properties = d
        return pipeline_detail

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
