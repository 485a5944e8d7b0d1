from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ticket_analytics_category_counts import TicketAnalyticsCategoryCounts
  from ..models.ticket_analytics_priority_counts import TicketAnalyticsPriorityCounts
  from ..models.ticket_analytics_status_counts import TicketAnalyticsStatusCounts
  from ..models.ticket_day import TicketDay
  from ..models.ticket_sla_summary import TicketSLASummary





T = TypeVar("T", bound="TicketAnalytics")



@_attrs_define
class TicketAnalytics:
    """ 
        Attributes:
            status_counts (TicketAnalyticsStatusCounts):
            priority_counts (TicketAnalyticsPriorityCounts):
            category_counts (TicketAnalyticsCategoryCounts):
            total_tickets (int):
            avg_resolution_time_hours (float | None):
            avg_first_response_time_hours (float | None):
            auto_categorized (int):
            needs_review (int):
            sla (TicketSLASummary):
            trend (list[TicketDay]): Tickets opened and resolved per day (UTC), oldest first.
     """

    status_counts: TicketAnalyticsStatusCounts
    priority_counts: TicketAnalyticsPriorityCounts
    category_counts: TicketAnalyticsCategoryCounts
    total_tickets: int
    avg_resolution_time_hours: float | None
    avg_first_response_time_hours: float | None
    auto_categorized: int
    needs_review: int
    sla: TicketSLASummary
    trend: list[TicketDay]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket_analytics_category_counts import TicketAnalyticsCategoryCounts # noqa: PLC0415
        from ..models.ticket_analytics_priority_counts import TicketAnalyticsPriorityCounts # noqa: PLC0415
        from ..models.ticket_analytics_status_counts import TicketAnalyticsStatusCounts # noqa: PLC0415
        from ..models.ticket_day import TicketDay # noqa: PLC0415
        from ..models.ticket_sla_summary import TicketSLASummary # noqa: PLC0415
        status_counts = self.status_counts.to_dict()

        priority_counts = self.priority_counts.to_dict()

        category_counts = self.category_counts.to_dict()

        total_tickets = self.total_tickets

        avg_resolution_time_hours: float | None
        avg_resolution_time_hours = self.avg_resolution_time_hours

        avg_first_response_time_hours: float | None
        avg_first_response_time_hours = self.avg_first_response_time_hours

        auto_categorized = self.auto_categorized

        needs_review = self.needs_review

        sla = self.sla.to_dict()

        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status_counts": status_counts,
            "priority_counts": priority_counts,
            "category_counts": category_counts,
            "total_tickets": total_tickets,
            "avg_resolution_time_hours": avg_resolution_time_hours,
            "avg_first_response_time_hours": avg_first_response_time_hours,
            "auto_categorized": auto_categorized,
            "needs_review": needs_review,
            "sla": sla,
            "trend": trend,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticket_analytics_category_counts import TicketAnalyticsCategoryCounts # noqa: PLC0415
        from ..models.ticket_analytics_priority_counts import TicketAnalyticsPriorityCounts # noqa: PLC0415
        from ..models.ticket_analytics_status_counts import TicketAnalyticsStatusCounts # noqa: PLC0415
        from ..models.ticket_day import TicketDay # noqa: PLC0415
        from ..models.ticket_sla_summary import TicketSLASummary # noqa: PLC0415
        d = dict(src_dict)
        status_counts = TicketAnalyticsStatusCounts.from_dict(d.pop("status_counts"))




        priority_counts = TicketAnalyticsPriorityCounts.from_dict(d.pop("priority_counts"))




        category_counts = TicketAnalyticsCategoryCounts.from_dict(d.pop("category_counts"))




        total_tickets = d.pop("total_tickets")

        def _parse_avg_resolution_time_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_resolution_time_hours = _parse_avg_resolution_time_hours(d.pop("avg_resolution_time_hours"))


        def _parse_avg_first_response_time_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_first_response_time_hours = _parse_avg_first_response_time_hours(d.pop("avg_first_response_time_hours"))


        auto_categorized = d.pop("auto_categorized")

        needs_review = d.pop("needs_review")

        sla = TicketSLASummary.from_dict(d.pop("sla"))




        trend = []
        _trend = d.pop("trend")
        for trend_item_data in (_trend):
            trend_item = TicketDay.from_dict(trend_item_data)



            trend.append(trend_item)


        ticket_analytics = cls(
            status_counts=status_counts,
            priority_counts=priority_counts,
            category_counts=category_counts,
            total_tickets=total_tickets,
            avg_resolution_time_hours=avg_resolution_time_hours,
            avg_first_response_time_hours=avg_first_response_time_hours,
            auto_categorized=auto_categorized,
            needs_review=needs_review,
            sla=sla,
            trend=trend,
        )


        ticket_analytics.additional_properties = d
        return ticket_analytics

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
