from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.status_2_cf_enum import check_status_2_cf_enum
from ..models.status_2_cf_enum import Status2CfEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.execution_started_skipped_hosts_item import ExecutionStartedSkippedHostsItem





T = TypeVar("T", bound="ExecutionStarted")



@_attrs_define
class ExecutionStarted:
    """ 
        Attributes:
            execution_id (int):
            status (Status2CfEnum): * `running` - Running
                * `successful` - Successful
                * `failed` - Failed
                * `cancelled` - Cancelled
                * `timeout` - Timed out
                * `lost` - Lost
            playbook (str):
            hosts (list[str]):
            skipped_hosts (list[ExecutionStartedSkippedHostsItem]):
     """

    execution_id: int
    status: Status2CfEnum
    playbook: str
    hosts: list[str]
    skipped_hosts: list[ExecutionStartedSkippedHostsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_started_skipped_hosts_item import ExecutionStartedSkippedHostsItem # noqa: PLC0415
        execution_id = self.execution_id

        status: str = self.status

        playbook = self.playbook

        hosts = self.hosts



        skipped_hosts = []
        for skipped_hosts_item_data in self.skipped_hosts:
            skipped_hosts_item = skipped_hosts_item_data.to_dict()
            skipped_hosts.append(skipped_hosts_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "execution_id": execution_id,
            "status": status,
            "playbook": playbook,
            "hosts": hosts,
            "skipped_hosts": skipped_hosts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execution_started_skipped_hosts_item import ExecutionStartedSkippedHostsItem # noqa: PLC0415
        d = dict(src_dict)
        execution_id = d.pop("execution_id")

        status = check_status_2_cf_enum(d.pop("status"))




        playbook = d.pop("playbook")

        hosts = cast(list[str], d.pop("hosts"))


        skipped_hosts = []
        _skipped_hosts = d.pop("skipped_hosts")
        for skipped_hosts_item_data in (_skipped_hosts):
            skipped_hosts_item = ExecutionStartedSkippedHostsItem.from_dict(skipped_hosts_item_data)



            skipped_hosts.append(skipped_hosts_item)


        execution_started = cls(
            execution_id=execution_id,
            status=status,
            playbook=playbook,
            hosts=hosts,
            skipped_hosts=skipped_hosts,
        )


        execution_started.additional_properties = d
        return execution_started

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
