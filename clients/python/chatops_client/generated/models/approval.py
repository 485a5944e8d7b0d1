from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.approval_status_enum import ApprovalStatusEnum
from ..models.approval_status_enum import check_approval_status_enum
from ..models.kind_7b0_enum import check_kind_7b0_enum
from ..models.kind_7b0_enum import Kind7B0Enum
from ..models.requested_via_enum import check_requested_via_enum
from ..models.requested_via_enum import RequestedViaEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.approval_origin import ApprovalOrigin
  from ..models.approval_payload import ApprovalPayload
  from ..models.approval_result import ApprovalResult
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="Approval")



@_attrs_define
class Approval:
    """ 
        Attributes:
            id (int):
            kind (Kind7B0Enum): * `run` - Run a command
                * `restart` - Restart a container
                * `stop` - Stop a container
                * `playbook` - Run a playbook
                * `k8s_restart` - Restart a Kubernetes deployment
            status (ApprovalStatusEnum): * `pending` - Pending
                * `approved` - Approved
                * `denied` - Denied
                * `expired` - Expired
                * `failed` - Approved, but failed to run
            summary (str): What will be done, for people.
            payload (ApprovalPayload): What will be run (server_id, command, timeout...).
            server (int | None):
            requested_by (None | UserSummary):
            requested_via (RequestedViaEnum): * `api` - api
                * `admin` - admin
                * `socket` - socket
                * `chat` - chat
                * `worker` - worker
                * `system` - system
            origin (ApprovalOrigin): Where the request was made: for chat, the room and the command's message.
            created_at (datetime.datetime):
            expires_at (datetime.datetime):
            decided_by (None | UserSummary):
            decided_at (datetime.datetime | None):
            comment (str):
            result (ApprovalResult): What running it gave (history_id, status).
            error (str): Why it did not run, when it failed.
     """

    id: int
    kind: Kind7B0Enum
    status: ApprovalStatusEnum
    summary: str
    payload: ApprovalPayload
    server: int | None
    requested_by: None | UserSummary
    requested_via: RequestedViaEnum
    origin: ApprovalOrigin
    created_at: datetime.datetime
    expires_at: datetime.datetime
    decided_by: None | UserSummary
    decided_at: datetime.datetime | None
    comment: str
    result: ApprovalResult
    error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_origin import ApprovalOrigin # noqa: PLC0415
        from ..models.approval_payload import ApprovalPayload # noqa: PLC0415
        from ..models.approval_result import ApprovalResult # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        kind: str = self.kind

        status: str = self.status

        summary = self.summary

        payload = self.payload.to_dict()

        server: int | None
        server = self.server

        requested_by: dict[str, Any] | None
        if isinstance(self.requested_by, UserSummary):
            requested_by = self.requested_by.to_dict()
        else:
            requested_by = self.requested_by

        requested_via: str = self.requested_via

        origin = self.origin.to_dict()

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        decided_by: dict[str, Any] | None
        if isinstance(self.decided_by, UserSummary):
            decided_by = self.decided_by.to_dict()
        else:
            decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        comment = self.comment

        result = self.result.to_dict()

        error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "status": status,
            "summary": summary,
            "payload": payload,
            "server": server,
            "requested_by": requested_by,
            "requested_via": requested_via,
            "origin": origin,
            "created_at": created_at,
            "expires_at": expires_at,
            "decided_by": decided_by,
            "decided_at": decided_at,
            "comment": comment,
            "result": result,
            "error": error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_origin import ApprovalOrigin # noqa: PLC0415
        from ..models.approval_payload import ApprovalPayload # noqa: PLC0415
        from ..models.approval_result import ApprovalResult # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = check_kind_7b0_enum(d.pop("kind"))




        status = check_approval_status_enum(d.pop("status"))




        summary = d.pop("summary")

        payload = ApprovalPayload.from_dict(d.pop("payload"))




        def _parse_server(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        server = _parse_server(d.pop("server"))


        def _parse_requested_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requested_by_type_1 = UserSummary.from_dict(data)



                return requested_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        requested_by = _parse_requested_by(d.pop("requested_by"))


        requested_via = check_requested_via_enum(d.pop("requested_via"))




        origin = ApprovalOrigin.from_dict(d.pop("origin"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        def _parse_decided_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_by_type_1 = UserSummary.from_dict(data)



                return decided_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        comment = d.pop("comment")

        result = ApprovalResult.from_dict(d.pop("result"))




        error = d.pop("error")

        approval = cls(
            id=id,
            kind=kind,
            status=status,
            summary=summary,
            payload=payload,
            server=server,
            requested_by=requested_by,
            requested_via=requested_via,
            origin=origin,
            created_at=created_at,
            expires_at=expires_at,
            decided_by=decided_by,
            decided_at=decided_at,
            comment=comment,
            result=result,
            error=error,
        )


        approval.additional_properties = d
        return approval

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
