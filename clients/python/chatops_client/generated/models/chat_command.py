from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.least_role_enum import check_least_role_enum
from ..models.least_role_enum import LeastRoleEnum
from typing import cast






T = TypeVar("T", bound="ChatCommand")



@_attrs_define
class ChatCommand:
    """ 
        Attributes:
            name (str): Typed as `/<name>`.
            usage (str): The arguments, as `/help` shows them (may be empty).
            synopsis (str): `/<name> <usage>`.
            help_ (str): One line: what it does.
            description (str): More, as `/help <name>` explains it.
            least_role (LeastRoleEnum): * `admin` - Admin
                * `operator` - Operator
                * `support` - Support
                * `viewer` - Viewer
                * `requester` - Requester
     """

    name: str
    usage: str
    synopsis: str
    help_: str
    description: str
    least_role: LeastRoleEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        usage = self.usage

        synopsis = self.synopsis

        help_ = self.help_

        description = self.description

        least_role: str = self.least_role


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "usage": usage,
            "synopsis": synopsis,
            "help": help_,
            "description": description,
            "least_role": least_role,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        usage = d.pop("usage")

        synopsis = d.pop("synopsis")

        help_ = d.pop("help")

        description = d.pop("description")

        least_role = check_least_role_enum(d.pop("least_role"))




        chat_command = cls(
            name=name,
            usage=usage,
            synopsis=synopsis,
            help_=help_,
            description=description,
            least_role=least_role,
        )


        chat_command.additional_properties = d
        return chat_command

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
