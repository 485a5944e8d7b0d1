from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.timeline_entry_type_enum import check_timeline_entry_type_enum
from ..models.timeline_entry_type_enum import TimelineEntryTypeEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.named import Named
  from ..models.timeline_delivery import TimelineDelivery
  from ..models.timeline_notification import TimelineNotification





T = TypeVar("T", bound="TimelineEntry")



@_attrs_define
class TimelineEntry:
    """ 
        Attributes:
            at (datetime.datetime):
            type_ (TimelineEntryTypeEnum): * `fired` - fired
                * `acknowledged` - acknowledged
                * `resolved` - resolved
                * `silenced` - silenced
                * `unsilenced` - unsilenced
                * `notified` - notified
                * `escalated` - escalated
                * `email` - email
            summary (str): The entry for people.
            actor (None | str): Who did it (a username), if a person.
            via (None | str): api, chat, admin, … (from the audit log).
            comment (str): The acknowledgement's, resolution's or silence's comment.
            silence (int | None):
            route (Named | None):
            step (int | None): The escalation step (from 1).
            notification (None | TimelineNotification):
            deliveries (list[TimelineDelivery]):
     """

    at: datetime.datetime
    type_: TimelineEntryTypeEnum
    summary: str
    actor: None | str
    via: None | str
    comment: str
    silence: int | None
    route: Named | None
    step: int | None
    notification: None | TimelineNotification
    deliveries: list[TimelineDelivery]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named # noqa: PLC0415
        from ..models.timeline_delivery import TimelineDelivery # noqa: PLC0415
        from ..models.timeline_notification import TimelineNotification # noqa: PLC0415
        at = self.at.isoformat()

        type_: str = self.type_

        summary = self.summary

        actor: None | str
        actor = self.actor

        via: None | str
        via = self.via

        comment = self.comment

        silence: int | None
        silence = self.silence

        route: dict[str, Any] | None
        if isinstance(self.route, Named):
            route = self.route.to_dict()
        else:
            route = self.route

        step: int | None
        step = self.step

        notification: dict[str, Any] | None
        if isinstance(self.notification, TimelineNotification):
            notification = self.notification.to_dict()
        else:
            notification = self.notification

        deliveries = []
        for deliveries_item_data in self.deliveries:
            deliveries_item = deliveries_item_data.to_dict()
            deliveries.append(deliveries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "type": type_,
            "summary": summary,
            "actor": actor,
            "via": via,
            "comment": comment,
            "silence": silence,
            "route": route,
            "step": step,
            "notification": notification,
            "deliveries": deliveries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named # noqa: PLC0415
        from ..models.timeline_delivery import TimelineDelivery # noqa: PLC0415
        from ..models.timeline_notification import TimelineNotification # noqa: PLC0415
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        type_ = check_timeline_entry_type_enum(d.pop("type"))




        summary = d.pop("summary")

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))


        def _parse_via(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        via = _parse_via(d.pop("via"))


        comment = d.pop("comment")

        def _parse_silence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        silence = _parse_silence(d.pop("silence"))


        def _parse_route(data: object) -> Named | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                route_type_1 = Named.from_dict(data)



                return route_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None, data)

        route = _parse_route(d.pop("route"))


        def _parse_step(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        step = _parse_step(d.pop("step"))


        def _parse_notification(data: object) -> None | TimelineNotification:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notification_type_1 = TimelineNotification.from_dict(data)



                return notification_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimelineNotification, data)

        notification = _parse_notification(d.pop("notification"))


        deliveries = []
        _deliveries = d.pop("deliveries")
        for deliveries_item_data in (_deliveries):
            deliveries_item = TimelineDelivery.from_dict(deliveries_item_data)



            deliveries.append(deliveries_item)


        timeline_entry = cls(
            at=at,
            type_=type_,
            summary=summary,
            actor=actor,
            via=via,
            comment=comment,
            silence=silence,
            route=route,
            step=step,
            notification=notification,
            deliveries=deliveries,
        )


        timeline_entry.additional_properties = d
        return timeline_entry

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
