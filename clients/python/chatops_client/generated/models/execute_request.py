from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.execute_request_variables import ExecuteRequestVariables





T = TypeVar("T", bound="ExecuteRequest")



@_attrs_define
class ExecuteRequest:
    """ 
        Attributes:
            hosts (list[str]): Server names or hostnames, tag names (every server carrying it), or `all`.
            variables (ExecuteRequestVariables | Unset): Only the variables the playbook's schema declares; checked against
                it.
            check (bool | Unset): Ansible's check mode (`--check`). Default: False.
            limit (str | Unset): Ansible's `--limit` pattern, within the hosts. Default: ''.
            tags (list[str] | Unset): Only the tasks with these Ansible tags (`--tags`).
     """

    hosts: list[str]
    variables: ExecuteRequestVariables | Unset = UNSET
    check: bool | Unset = False
    limit: str | Unset = ''
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.execute_request_variables import ExecuteRequestVariables # noqa: PLC0415
        hosts = self.hosts



        variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = self.variables.to_dict()

        check = self.check

        limit = self.limit

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "hosts": hosts,
        })
        if variables is not UNSET:
            field_dict["variables"] = variables
        if check is not UNSET:
            field_dict["check"] = check
        if limit is not UNSET:
            field_dict["limit"] = limit
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execute_request_variables import ExecuteRequestVariables # noqa: PLC0415
        d = dict(src_dict)
        hosts = cast(list[str], d.pop("hosts"))


        _variables = d.pop("variables", UNSET)
        variables: ExecuteRequestVariables | Unset
        if isinstance(_variables,  Unset):
            variables = UNSET
        else:
            variables = ExecuteRequestVariables.from_dict(_variables)




        check = d.pop("check", UNSET)

        limit = d.pop("limit", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        execute_request = cls(
            hosts=hosts,
            variables=variables,
            check=check,
            limit=limit,
            tags=tags,
        )


        execute_request.additional_properties = d
        return execute_request

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
