from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FollowRequest")



@_attrs_define
class FollowRequest:
    """ 
        Attributes:
            room (int): The room that is told.
            repository (str | Unset):  Default: ''.
            environment (str | Unset):  Default: ''.
     """

    room: int
    repository: str | Unset = ''
    environment: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        room = self.room

        repository = self.repository

        environment = self.environment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "room": room,
        })
        if repository is not UNSET:
            field_dict["repository"] = repository
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        room = d.pop("room")

        repository = d.pop("repository", UNSET)

        environment = d.pop("environment", UNSET)

        follow_request = cls(
            room=room,
            repository=repository,
            environment=environment,
        )


        follow_request.additional_properties = d
        return follow_request

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
