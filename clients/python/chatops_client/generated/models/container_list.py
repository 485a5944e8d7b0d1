from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.container_list_containers_item import ContainerListContainersItem





T = TypeVar("T", bound="ContainerList")



@_attrs_define
class ContainerList:
    """ 
        Attributes:
            live (bool): false: the list the agent last reported, not a live answer.
            reported_at (datetime.datetime | None):
            age_seconds (float | None):
            reason (str): Why the list is not live.
            docker_control (bool | None): Whether the agent offered Docker control in its latest hello (--allow-docker);
                null when no agent has connected yet. When false the hub answers from the reported list without asking the
                agent.
            containers (list[ContainerListContainersItem]):
     """

    live: bool
    reported_at: datetime.datetime | None
    age_seconds: float | None
    reason: str
    docker_control: bool | None
    containers: list[ContainerListContainersItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.container_list_containers_item import ContainerListContainersItem # noqa: PLC0415
        live = self.live

        reported_at: None | str
        if isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        age_seconds: float | None
        age_seconds = self.age_seconds

        reason = self.reason

        docker_control: bool | None
        docker_control = self.docker_control

        containers = []
        for containers_item_data in self.containers:
            containers_item = containers_item_data.to_dict()
            containers.append(containers_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "live": live,
            "reported_at": reported_at,
            "age_seconds": age_seconds,
            "reason": reason,
            "docker_control": docker_control,
            "containers": containers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_list_containers_item import ContainerListContainersItem # noqa: PLC0415
        d = dict(src_dict)
        live = d.pop("live")

        def _parse_reported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)



                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reported_at = _parse_reported_at(d.pop("reported_at"))


        def _parse_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        age_seconds = _parse_age_seconds(d.pop("age_seconds"))


        reason = d.pop("reason")

        def _parse_docker_control(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        docker_control = _parse_docker_control(d.pop("docker_control"))


        containers = []
        _containers = d.pop("containers")
        for containers_item_data in (_containers):
            containers_item = ContainerListContainersItem.from_dict(containers_item_data)



            containers.append(containers_item)


        container_list = cls(
            live=live,
            reported_at=reported_at,
            age_seconds=age_seconds,
            reason=reason,
            docker_control=docker_control,
            containers=containers,
        )


        container_list.additional_properties = d
        return container_list

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
