from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Follow")



@_attrs_define
class Follow:
    """ 
        Attributes:
            id (int):
            room (int): The room that is told.
            created_at (datetime.datetime):
            repository (str | Unset):  Default: ''.
            environment (str | Unset):  Default: ''.
     """

    id: int
    room: int
    created_at: datetime.datetime
    repository: str | Unset = ''
    environment: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        room = self.room

        created_at = self.created_at.isoformat()

        repository = self.repository

        environment = self.environment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "room": room,
            "created_at": created_at,
        })
        if repository is not UNSET:
            field_dict["repository"] = repository
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        room = d.pop("room")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        repository = d.pop("repository", UNSET)

        environment = d.pop("environment", UNSET)

        follow = cls(
            id=id,
            room=room,
            created_at=created_at,
            repository=repository,
            environment=environment,
        )


        follow.additional_properties = d
        return follow

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
