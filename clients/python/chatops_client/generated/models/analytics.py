from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.day_counts import DayCounts
  from ..models.delivery_time import DeliveryTime
  from ..models.kind_counts import KindCounts
  from ..models.status_counts import StatusCounts
  from ..models.type_counts import TypeCounts





T = TypeVar("T", bound="Analytics")



@_attrs_define
class Analytics:
    """ 
        Attributes:
            sent (int): Deliveries made (one per channel, inbox, address or room).
            delivered (int):
            failed (int):
            pending (int): Pending or held.
            skipped (int):
            notifications (int): Notifications in the range.
            notifications_by_status (StatusCounts):
            delivery_rate (float | None): delivered / (delivered + failed); null: none.
            delivery_time_ms (DeliveryTime):
            by_type (list[TypeCounts]):
            by_kind (list[KindCounts]):
            by_day (list[DayCounts]):
     """

    sent: int
    delivered: int
    failed: int
    pending: int
    skipped: int
    notifications: int
    notifications_by_status: StatusCounts
    delivery_rate: float | None
    delivery_time_ms: DeliveryTime
    by_type: list[TypeCounts]
    by_kind: list[KindCounts]
    by_day: list[DayCounts]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.day_counts import DayCounts # noqa: PLC0415
        from ..models.delivery_time import DeliveryTime # noqa: PLC0415
        from ..models.kind_counts import KindCounts # noqa: PLC0415
        from ..models.status_counts import StatusCounts # noqa: PLC0415
        from ..models.type_counts import TypeCounts # noqa: PLC0415
        sent = self.sent

        delivered = self.delivered

        failed = self.failed

        pending = self.pending

        skipped = self.skipped

        notifications = self.notifications

        notifications_by_status = self.notifications_by_status.to_dict()

        delivery_rate: float | None
        delivery_rate = self.delivery_rate

        delivery_time_ms = self.delivery_time_ms.to_dict()

        by_type = []
        for by_type_item_data in self.by_type:
            by_type_item = by_type_item_data.to_dict()
            by_type.append(by_type_item)



        by_kind = []
        for by_kind_item_data in self.by_kind:
            by_kind_item = by_kind_item_data.to_dict()
            by_kind.append(by_kind_item)



        by_day = []
        for by_day_item_data in self.by_day:
            by_day_item = by_day_item_data.to_dict()
            by_day.append(by_day_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sent": sent,
            "delivered": delivered,
            "failed": failed,
            "pending": pending,
            "skipped": skipped,
            "notifications": notifications,
            "notifications_by_status": notifications_by_status,
            "delivery_rate": delivery_rate,
            "delivery_time_ms": delivery_time_ms,
            "by_type": by_type,
            "by_kind": by_kind,
            "by_day": by_day,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_counts import DayCounts # noqa: PLC0415
        from ..models.delivery_time import DeliveryTime # noqa: PLC0415
        from ..models.kind_counts import KindCounts # noqa: PLC0415
        from ..models.status_counts import StatusCounts # noqa: PLC0415
        from ..models.type_counts import TypeCounts # noqa: PLC0415
        d = dict(src_dict)
        sent = d.pop("sent")

        delivered = d.pop("delivered")

        failed = d.pop("failed")

        pending = d.pop("pending")

        skipped = d.pop("skipped")

        notifications = d.pop("notifications")

        notifications_by_status = StatusCounts.from_dict(d.pop("notifications_by_status"))




        def _parse_delivery_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        delivery_rate = _parse_delivery_rate(d.pop("delivery_rate"))


        delivery_time_ms = DeliveryTime.from_dict(d.pop("delivery_time_ms"))




        by_type = []
        _by_type = d.pop("by_type")
        for by_type_item_data in (_by_type):
            by_type_item = TypeCounts.from_dict(by_type_item_data)



            by_type.append(by_type_item)


        by_kind = []
        _by_kind = d.pop("by_kind")
        for by_kind_item_data in (_by_kind):
            by_kind_item = KindCounts.from_dict(by_kind_item_data)



            by_kind.append(by_kind_item)


        by_day = []
        _by_day = d.pop("by_day")
        for by_day_item_data in (_by_day):
            by_day_item = DayCounts.from_dict(by_day_item_data)



            by_day.append(by_day_item)


        analytics = cls(
            sent=sent,
            delivered=delivered,
            failed=failed,
            pending=pending,
            skipped=skipped,
            notifications=notifications,
            notifications_by_status=notifications_by_status,
            delivery_rate=delivery_rate,
            delivery_time_ms=delivery_time_ms,
            by_type=by_type,
            by_kind=by_kind,
            by_day=by_day,
        )


        analytics.additional_properties = d
        return analytics

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
