from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DayCounts")



@_attrs_define
class DayCounts:
    """ 
        Attributes:
            sent (int): Deliveries made (one per channel, inbox, address or room).
            delivered (int):
            failed (int):
            pending (int): Pending or held.
            skipped (int):
            date (datetime.date): UTC day the notifications were created.
            notifications (int):
     """

    sent: int
    delivered: int
    failed: int
    pending: int
    skipped: int
    date: datetime.date
    notifications: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sent = self.sent

        delivered = self.delivered

        failed = self.failed

        pending = self.pending

        skipped = self.skipped

        date = self.date.isoformat()

        notifications = self.notifications


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sent": sent,
            "delivered": delivered,
            "failed": failed,
            "pending": pending,
            "skipped": skipped,
            "date": date,
            "notifications": notifications,
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

        date = datetime.date.fromisoformat(d.pop("date"))




        notifications = d.pop("notifications")

        day_counts = cls(
            sent=sent,
            delivered=delivered,
            failed=failed,
            pending=pending,
            skipped=skipped,
            date=date,
            notifications=notifications,
        )


        day_counts.additional_properties = d
        return day_counts

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
