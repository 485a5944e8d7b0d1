from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.events_enum import check_events_enum
from ..models.events_enum import EventsEnum
from ..models.last_delivery_status_enum import check_last_delivery_status_enum
from ..models.last_delivery_status_enum import LastDeliveryStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ 
        Attributes:
            id (int):
            url (str): Where events are POSTed: http(s), resolving to public addresses only (unless the hub sets
                OUTGOING_ALLOW_PRIVATE or WEBHOOK_ALLOW_PRIVATE).
            events (list[EventsEnum]): The events to send; at least one.
            created_by (None | UserSummary):
            failure_count (int): Failed attempts in a row.
            failing_since (datetime.datetime | None):
            disabled_at (datetime.datetime | None):
            disabled_reason (str):
            last_delivery_status (LastDeliveryStatusEnum | None): How the last attempt went; null before the first.
            last_delivery_at (datetime.datetime | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            enabled (bool | Unset):
     """

    id: int
    url: str
    events: list[EventsEnum]
    created_by: None | UserSummary
    failure_count: int
    failing_since: datetime.datetime | None
    disabled_at: datetime.datetime | None
    disabled_reason: str
    last_delivery_status: LastDeliveryStatusEnum | None
    last_delivery_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item: str = events_item_data
            events.append(events_item)



        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        failure_count = self.failure_count

        failing_since: None | str
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        disabled_reason = self.disabled_reason

        last_delivery_status: None | str
        if isinstance(self.last_delivery_status, str):
            last_delivery_status = self.last_delivery_status
        else:
            last_delivery_status = self.last_delivery_status

        last_delivery_at: None | str
        if isinstance(self.last_delivery_at, datetime.datetime):
            last_delivery_at = self.last_delivery_at.isoformat()
        else:
            last_delivery_at = self.last_delivery_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "url": url,
            "events": events,
            "created_by": created_by,
            "failure_count": failure_count,
            "failing_since": failing_since,
            "disabled_at": disabled_at,
            "disabled_reason": disabled_reason,
            "last_delivery_status": last_delivery_status,
            "last_delivery_at": last_delivery_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = check_events_enum(events_item_data)



            events.append(events_item)


        def _parse_created_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_1 = UserSummary.from_dict(data)



                return created_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        created_by = _parse_created_by(d.pop("created_by"))


        failure_count = d.pop("failure_count")

        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)



                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))


        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)



                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))


        disabled_reason = d.pop("disabled_reason")

        def _parse_last_delivery_status(data: object) -> LastDeliveryStatusEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_delivery_status_type_0 = check_last_delivery_status_enum(data)



                return last_delivery_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LastDeliveryStatusEnum | None, data)

        last_delivery_status = _parse_last_delivery_status(d.pop("last_delivery_status"))


        def _parse_last_delivery_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_delivery_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_delivery_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_delivery_at = _parse_last_delivery_at(d.pop("last_delivery_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        enabled = d.pop("enabled", UNSET)

        webhook = cls(
            id=id,
            url=url,
            events=events,
            created_by=created_by,
            failure_count=failure_count,
            failing_since=failing_since,
            disabled_at=disabled_at,
            disabled_reason=disabled_reason,
            last_delivery_status=last_delivery_status,
            last_delivery_at=last_delivery_at,
            created_at=created_at,
            updated_at=updated_at,
            enabled=enabled,
        )


        webhook.additional_properties = d
        return webhook

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
