from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rollout_restart_status_enum import check_rollout_restart_status_enum
from ..models.rollout_restart_status_enum import RolloutRestartStatusEnum
from typing import cast
import datetime






T = TypeVar("T", bound="RolloutRestart")



@_attrs_define
class RolloutRestart:
    """ 
        Attributes:
            id (int):
            cluster (str):
            namespace (str):
            deployment (str):
            status (RolloutRestartStatusEnum): * `pending` - Pending
                * `sent` - Sent to the agent
                * `succeeded` - Succeeded
                * `failed` - Failed
                * `rejected` - Rejected by the agent
                * `agent_offline` - Agent offline
                * `timed_out` - Timed out
            detail (str):
            restarted_at (str): The stamp put on the pod template.
            requested_by (None | str):
            requested_at (datetime.datetime):
            finished_at (datetime.datetime | None):
     """

    id: int
    cluster: str
    namespace: str
    deployment: str
    status: RolloutRestartStatusEnum
    detail: str
    restarted_at: str
    requested_by: None | str
    requested_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        cluster = self.cluster

        namespace = self.namespace

        deployment = self.deployment

        status: str = self.status

        detail = self.detail

        restarted_at = self.restarted_at

        requested_by: None | str
        requested_by = self.requested_by

        requested_at = self.requested_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "cluster": cluster,
            "namespace": namespace,
            "deployment": deployment,
            "status": status,
            "detail": detail,
            "restarted_at": restarted_at,
            "requested_by": requested_by,
            "requested_at": requested_at,
            "finished_at": finished_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        cluster = d.pop("cluster")

        namespace = d.pop("namespace")

        deployment = d.pop("deployment")

        status = check_rollout_restart_status_enum(d.pop("status"))




        detail = d.pop("detail")

        restarted_at = d.pop("restarted_at")

        def _parse_requested_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requested_by = _parse_requested_by(d.pop("requested_by"))


        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




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


        rollout_restart = cls(
            id=id,
            cluster=cluster,
            namespace=namespace,
            deployment=deployment,
            status=status,
            detail=detail,
            restarted_at=restarted_at,
            requested_by=requested_by,
            requested_at=requested_at,
            finished_at=finished_at,
        )


        rollout_restart.additional_properties = d
        return rollout_restart

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
