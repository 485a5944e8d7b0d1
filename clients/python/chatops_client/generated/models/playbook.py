from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.variable import Variable





T = TypeVar("T", bound="Playbook")



@_attrs_define
class Playbook:
    """ 
        Attributes:
            name (str): The file name, as the execute route takes it.
            description (str): The first play's name.
            plays (list[str]):
            variables (list[Variable]):
            runnable (bool): False when the playbook or its schema cannot be read.
            error (str):
     """

    name: str
    description: str
    plays: list[str]
    variables: list[Variable]
    runnable: bool
    error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.variable import Variable # noqa: PLC0415
        name = self.name

        description = self.description

        plays = self.plays



        variables = []
        for variables_item_data in self.variables:
            variables_item = variables_item_data.to_dict()
            variables.append(variables_item)



        runnable = self.runnable

        error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "description": description,
            "plays": plays,
            "variables": variables,
            "runnable": runnable,
            "error": error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variable import Variable # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        plays = cast(list[str], d.pop("plays"))


        variables = []
        _variables = d.pop("variables")
        for variables_item_data in (_variables):
            variables_item = Variable.from_dict(variables_item_data)



            variables.append(variables_item)


        runnable = d.pop("runnable")

        error = d.pop("error")

        playbook = cls(
            name=name,
            description=description,
            plays=plays,
            variables=variables,
            runnable=runnable,
            error=error,
        )


        playbook.additional_properties = d
        return playbook

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
