from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dependency_status_enum import check_dependency_status_enum
from ..models.dependency_status_enum import DependencyStatusEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Dependency")



@_attrs_define
class Dependency:
    """ 
        Attributes:
            status (DependencyStatusEnum): * `up` - up
                * `down` - down
            backend (str):
            response_time_ms (float):
            error (str | Unset):
     """

    status: DependencyStatusEnum
    backend: str
    response_time_ms: float
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        backend = self.backend

        response_time_ms = self.response_time_ms

        error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "backend": backend,
            "response_time_ms": response_time_ms,
        })
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_dependency_status_enum(d.pop("status"))




        backend = d.pop("backend")

        response_time_ms = d.pop("response_time_ms")

        error = d.pop("error", UNSET)

        dependency = cls(
            status=status,
            backend=backend,
            response_time_ms=response_time_ms,
            error=error,
        )


        dependency.additional_properties = d
        return dependency

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
