from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.receipt_verdict_enum import check_receipt_verdict_enum
from ..models.receipt_verdict_enum import ReceiptVerdictEnum
from typing import cast






T = TypeVar("T", bound="Receipt")



@_attrs_define
class Receipt:
    """ 
        Attributes:
            verdict (ReceiptVerdictEnum): * `accepted` - accepted
                * `duplicate` - duplicate
                * `unknown_event` - unknown_event
                * `filtered` - filtered
            delivery (int | None): The stored delivery's id.
     """

    verdict: ReceiptVerdictEnum
    delivery: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        verdict: str = self.verdict

        delivery: int | None
        delivery = self.delivery


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "verdict": verdict,
            "delivery": delivery,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        verdict = check_receipt_verdict_enum(d.pop("verdict"))




        def _parse_delivery(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        delivery = _parse_delivery(d.pop("delivery"))


        receipt = cls(
            verdict=verdict,
            delivery=delivery,
        )


        receipt.additional_properties = d
        return receipt

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
