from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.variable_type_enum import check_variable_type_enum
from ..models.variable_type_enum import VariableTypeEnum
from typing import cast






T = TypeVar("T", bound="Variable")



@_attrs_define
class Variable:
    """ 
        Attributes:
            name (str):
            type_ (VariableTypeEnum): * `string` - string
                * `integer` - integer
                * `float` - float
                * `boolean` - boolean
                * `choice` - choice
                * `list` - list
            required (bool):
            default (Any):
            choices (list[Any] | None):
            description (str):
     """

    name: str
    type_: VariableTypeEnum
    required: bool
    default: Any
    choices: list[Any] | None
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        required = self.required

        default = self.default

        choices: list[Any] | None
        if isinstance(self.choices, list):
            choices = self.choices


        else:
            choices = self.choices

        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "type": type_,
            "required": required,
            "default": default,
            "choices": choices,
            "description": description,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = check_variable_type_enum(d.pop("type"))




        required = d.pop("required")

        default = d.pop("default")

        def _parse_choices(data: object) -> list[Any] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                choices_type_0 = cast(list[Any], data)

                return choices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None, data)

        choices = _parse_choices(d.pop("choices"))


        description = d.pop("description")

        variable = cls(
            name=name,
            type_=type_,
            required=required,
            default=default,
            choices=choices,
            description=description,
        )


        variable.additional_properties = d
        return variable

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
