from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.label_enum import check_label_enum
from ..models.label_enum import LabelEnum
from ..models.op_enum import check_op_enum
from ..models.op_enum import OpEnum
from typing import cast






T = TypeVar("T", bound="Matcher")



@_attrs_define
class Matcher:
    """ 
        Attributes:
            label (LabelEnum): * `severity` - Severity
                * `server` - Server name
                * `tag` - A tag of the server
                * `threshold` - Threshold id
                * `kind` - Alert kind
                * `alert_name` - Alert name
            op (OpEnum): * `=` - equals
                * `!=` - does not equal
                * `=~` - matches the regular expression
                * `!~` - does not match the regular expression
            value (str): Compared ignoring case.
     """

    label: LabelEnum
    op: OpEnum
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        label: str = self.label

        op: str = self.op

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "label": label,
            "op": op,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = check_label_enum(d.pop("label"))




        op = check_op_enum(d.pop("op"))




        value = d.pop("value")

        matcher = cls(
            label=label,
            op=op,
            value=value,
        )


        matcher.additional_properties = d
        return matcher

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
