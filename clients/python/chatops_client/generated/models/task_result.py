from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.task_result_status_enum import check_task_result_status_enum
from ..models.task_result_status_enum import TaskResultStatusEnum
from typing import cast






T = TypeVar("T", bound="TaskResult")



@_attrs_define
class TaskResult:
    """ 
        Attributes:
            task (str):
            host (str):
            status (TaskResultStatusEnum): * `ok` - ok
                * `changed` - changed
                * `failed` - failed
                * `unreachable` - unreachable
                * `skipped` - skipped
                * `ignored` - ignored
            changed (bool):
            message (str):
     """

    task: str
    host: str
    status: TaskResultStatusEnum
    changed: bool
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        task = self.task

        host = self.host

        status: str = self.status

        changed = self.changed

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "task": task,
            "host": host,
            "status": status,
            "changed": changed,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task = d.pop("task")

        host = d.pop("host")

        status = check_task_result_status_enum(d.pop("status"))




        changed = d.pop("changed")

        message = d.pop("message")

        task_result = cls(
            task=task,
            host=host,
            status=status,
            changed=changed,
            message=message,
        )


        task_result.additional_properties = d
        return task_result

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
