from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="KindCounts")



@_attrs_define
class KindCounts:
    """ 
        Attributes:
            sent (int): Deliveries made (one per channel, inbox, address or room).
            delivered (int):
            failed (int):
            pending (int): Pending or held.
            skipped (int):
            kind (str):
     """

    sent: int
    delivered: int
    failed: int
    pending: int
    skipped: int
    kind: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sent = self.sent

        delivered = self.delivered

        failed = self.failed

        pending = self.pending

        skipped = self.skipped

        kind = self.kind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sent": sent,
            "delivered": delivered,
            "failed": failed,
            "pending": pending,
            "skipped": skipped,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sent = d.pop("sent")

        delivered = d.pop("delivered")

        failed = d.pop("failed")

        pending = d.pop("pending")

        skipped = d.pop("skipped")

        kind = d.pop("kind")

        kind_counts = cls(
            sent=sent,
            delivered=delivered,
            failed=failed,
            pending=pending,
            skipped=skipped,
            kind=kind,
        )


        kind_counts.additional_properties = d
        return kind_counts

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
