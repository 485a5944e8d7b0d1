from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.error_errors_item import ErrorErrorsItem





T = TypeVar("T", bound="Error")



@_attrs_define
class Error:
    """ 
        Attributes:
            detail (str):
            status_code (int):
            error_code (str):
            errors (list[ErrorErrorsItem]):
            request_id (str):
            data (Any | Unset): A 409's object on record, where there is one: the command that did not run.
     """

    detail: str
    status_code: int
    error_code: str
    errors: list[ErrorErrorsItem]
    request_id: str
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_errors_item import ErrorErrorsItem # noqa: PLC0415
        detail = self.detail

        status_code = self.status_code

        error_code = self.error_code

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        request_id = self.request_id

        data = self.data


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "status_code": status_code,
            "error_code": error_code,
            "errors": errors,
            "request_id": request_id,
        })
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_errors_item import ErrorErrorsItem # noqa: PLC0415
        d = dict(src_dict)
        detail = d.pop("detail")

        status_code = d.pop("status_code")

        error_code = d.pop("error_code")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = ErrorErrorsItem.from_dict(errors_item_data)



            errors.append(errors_item)


        request_id = d.pop("request_id")

        data = d.pop("data", UNSET)

        error = cls(
            detail=detail,
            status_code=status_code,
            error_code=error_code,
            errors=errors,
            request_id=request_id,
            data=data,
        )


        error.additional_properties = d
        return error

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
