from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.requested_via_enum import check_requested_via_enum
from ..models.requested_via_enum import RequestedViaEnum
from ..models.status_2_cf_enum import check_status_2_cf_enum
from ..models.status_2_cf_enum import Status2CfEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.skipped_host import SkippedHost





T = TypeVar("T", bound="Execution")



@_attrs_define
class Execution:
    """ A run in the history (the seed's fields first).

        Attributes:
            id (int):
            playbook (str):
            status (Status2CfEnum): * `running` - Running
                * `successful` - Successful
                * `failed` - Failed
                * `cancelled` - Cancelled
                * `timeout` - Timed out
                * `lost` - Lost
            duration (float | None): Seconds, from its start.
            created_at (datetime.datetime):
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            hosts (Any):
            tasks_total (int):
            tasks_successful (int):
            tasks_failed (int):
            skipped_hosts (list[SkippedHost]):
            server_ids (list[int]):
            check (bool):
            limit (str):
            tags (Any):
            requested_by (None | str):
            requested_via (RequestedViaEnum): * `api` - api
                * `admin` - admin
                * `socket` - socket
                * `chat` - chat
                * `worker` - worker
                * `system` - system
            reason (str): Why it ended as it did, when not successful.
            cancel_requested (bool):
     """

    id: int
    playbook: str
    status: Status2CfEnum
    duration: float | None
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    hosts: Any
    tasks_total: int
    tasks_successful: int
    tasks_failed: int
    skipped_hosts: list[SkippedHost]
    server_ids: list[int]
    check: bool
    limit: str
    tags: Any
    requested_by: None | str
    requested_via: RequestedViaEnum
    reason: str
    cancel_requested: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.skipped_host import SkippedHost # noqa: PLC0415
        id = self.id

        playbook = self.playbook

        status: str = self.status

        duration: float | None
        duration = self.duration

        created_at = self.created_at.isoformat()

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

        hosts = self.hosts

        tasks_total = self.tasks_total

        tasks_successful = self.tasks_successful

        tasks_failed = self.tasks_failed

        skipped_hosts = []
        for skipped_hosts_item_data in self.skipped_hosts:
            skipped_hosts_item = skipped_hosts_item_data.to_dict()
            skipped_hosts.append(skipped_hosts_item)



        server_ids = self.server_ids



        check = self.check

        limit = self.limit

        tags = self.tags

        requested_by: None | str
        requested_by = self.requested_by

        requested_via: str = self.requested_via

        reason = self.reason

        cancel_requested = self.cancel_requested


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "playbook": playbook,
            "status": status,
            "duration": duration,
            "created_at": created_at,
            "started_at": started_at,
            "finished_at": finished_at,
            "hosts": hosts,
            "tasks_total": tasks_total,
            "tasks_successful": tasks_successful,
            "tasks_failed": tasks_failed,
            "skipped_hosts": skipped_hosts,
            "server_ids": server_ids,
            "check": check,
            "limit": limit,
            "tags": tags,
            "requested_by": requested_by,
            "requested_via": requested_via,
            "reason": reason,
            "cancel_requested": cancel_requested,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped_host import SkippedHost # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        playbook = d.pop("playbook")

        status = check_status_2_cf_enum(d.pop("status"))




        def _parse_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration = _parse_duration(d.pop("duration"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




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


        hosts = d.pop("hosts")

        tasks_total = d.pop("tasks_total")

        tasks_successful = d.pop("tasks_successful")

        tasks_failed = d.pop("tasks_failed")

        skipped_hosts = []
        _skipped_hosts = d.pop("skipped_hosts")
        for skipped_hosts_item_data in (_skipped_hosts):
            skipped_hosts_item = SkippedHost.from_dict(skipped_hosts_item_data)



            skipped_hosts.append(skipped_hosts_item)


        server_ids = cast(list[int], d.pop("server_ids"))


        check = d.pop("check")

        limit = d.pop("limit")

        tags = d.pop("tags")

        def _parse_requested_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requested_by = _parse_requested_by(d.pop("requested_by"))


        requested_via = check_requested_via_enum(d.pop("requested_via"))




        reason = d.pop("reason")

        cancel_requested = d.pop("cancel_requested")

        execution = cls(
            id=id,
            playbook=playbook,
            status=status,
            duration=duration,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            hosts=hosts,
            tasks_total=tasks_total,
            tasks_successful=tasks_successful,
            tasks_failed=tasks_failed,
            skipped_hosts=skipped_hosts,
            server_ids=server_ids,
            check=check,
            limit=limit,
            tags=tags,
            requested_by=requested_by,
            requested_via=requested_via,
            reason=reason,
            cancel_requested=cancel_requested,
        )


        execution.additional_properties = d
        return execution

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
