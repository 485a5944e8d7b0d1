from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.sla_policy import SLAPolicy





T = TypeVar("T", bound="TicketsSlaPoliciesCreateResponse201")



@_attrs_define
class TicketsSlaPoliciesCreateResponse201:
    """ 
        Attributes:
            data (SLAPolicy): The targets of one priority.
            message (str):
     """

    data: SLAPolicy
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sla_policy import SLAPolicy # noqa: PLC0415
        data = self.data.to_dict()

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sla_policy import SLAPolicy # noqa: PLC0415
        d = dict(src_dict)
        data = SLAPolicy.from_dict(d.pop("data"))




        message = d.pop("message")

        tickets_sla_policies_create_response_201 = cls(
            data=data,
            message=message,
        )


        tickets_sla_policies_create_response_201.additional_properties = d
        return tickets_sla_policies_create_response_201

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
