from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.step_enum import check_step_enum
from ..models.step_enum import StepEnum
from typing import cast






T = TypeVar("T", bound="Step")



@_attrs_define
class Step:
    """ 
        Attributes:
            step (StepEnum): * `configuration` - configuration
                * `connect` - connect
                * `tls` - tls
                * `login` - login
                * `authenticate` - authenticate
                * `send` - send
            ok (bool):
            detail (str):
     """

    step: StepEnum
    ok: bool
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        step: str = self.step

        ok = self.ok

        detail = self.detail


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "step": step,
            "ok": ok,
            "detail": detail,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        step = check_step_enum(d.pop("step"))




        ok = d.pop("ok")

        detail = d.pop("detail")

        step = cls(
            step=step,
            ok=ok,
            detail=detail,
        )


        step.additional_properties = d
        return step

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
