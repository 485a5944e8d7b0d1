from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.command_history_kind_enum import check_command_history_kind_enum
from ..models.command_history_kind_enum import CommandHistoryKindEnum
from ..models.command_history_status_enum import check_command_history_status_enum
from ..models.command_history_status_enum import CommandHistoryStatusEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="CommandHistory")



@_attrs_define
class CommandHistory:
    """ 
        Attributes:
            id (int):
            server (int):
            requested_by (None | UserSummary):
            kind (CommandHistoryKindEnum): * `command` - Command
                * `docker` - Docker
            command (str):
            action (str):
            container (str):
            timeout (int):
            status (CommandHistoryStatusEnum): * `pending` - Pending
                * `sent` - Sent
                * `running` - Running
                * `succeeded` - Succeeded
                * `failed` - Failed
                * `timed_out` - Timed out
                * `rejected` - Rejected
                * `agent_offline` - Agent offline
            reason (str):
            exit_code (int | None):
            stdout (str):
            stderr (str):
            stdout_truncated (bool):
            stderr_truncated (bool):
            truncated (bool): Whether stdout or stderr was cut.
            created_at (datetime.datetime):
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            duration_ms (int | None):
     """

    id: int
    server: int
    requested_by: None | UserSummary
    kind: CommandHistoryKindEnum
    command: str
    action: str
    container: str
    timeout: int
    status: CommandHistoryStatusEnum
    reason: str
    exit_code: int | None
    stdout: str
    stderr: str
    stdout_truncated: bool
    stderr_truncated: bool
    truncated: bool
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    duration_ms: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        server = self.server

        requested_by: dict[str, Any] | None
        if isinstance(self.requested_by, UserSummary):
            requested_by = self.requested_by.to_dict()
        else:
            requested_by = self.requested_by

        kind: str = self.kind

        command = self.command

        action = self.action

        container = self.container

        timeout = self.timeout

        status: str = self.status

        reason = self.reason

        exit_code: int | None
        exit_code = self.exit_code

        stdout = self.stdout

        stderr = self.stderr

        stdout_truncated = self.stdout_truncated

        stderr_truncated = self.stderr_truncated

        truncated = self.truncated

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

        duration_ms: int | None
        duration_ms = self.duration_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "server": server,
            "requested_by": requested_by,
            "kind": kind,
            "command": command,
            "action": action,
            "container": container,
            "timeout": timeout,
            "status": status,
            "reason": reason,
            "exit_code": exit_code,
            "stdout": stdout,
            "stderr": stderr,
            "stdout_truncated": stdout_truncated,
            "stderr_truncated": stderr_truncated,
            "truncated": truncated,
            "created_at": created_at,
            "started_at": started_at,
            "finished_at": finished_at,
            "duration_ms": duration_ms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        server = d.pop("server")

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


        kind = check_command_history_kind_enum(d.pop("kind"))




        command = d.pop("command")

        action = d.pop("action")

        container = d.pop("container")

        timeout = d.pop("timeout")

        status = check_command_history_status_enum(d.pop("status"))




        reason = d.pop("reason")

        def _parse_exit_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        exit_code = _parse_exit_code(d.pop("exit_code"))


        stdout = d.pop("stdout")

        stderr = d.pop("stderr")

        stdout_truncated = d.pop("stdout_truncated")

        stderr_truncated = d.pop("stderr_truncated")

        truncated = d.pop("truncated")

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


        def _parse_duration_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_ms = _parse_duration_ms(d.pop("duration_ms"))


        command_history = cls(
            id=id,
            server=server,
            requested_by=requested_by,
            kind=kind,
            command=command,
            action=action,
            container=container,
            timeout=timeout,
            status=status,
            reason=reason,
            exit_code=exit_code,
            stdout=stdout,
            stderr=stderr,
            stdout_truncated=stdout_truncated,
            stderr_truncated=stderr_truncated,
            truncated=truncated,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            duration_ms=duration_ms,
        )


        command_history.additional_properties = d
        return command_history

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
