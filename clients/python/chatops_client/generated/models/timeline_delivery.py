from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.named import Named





T = TypeVar("T", bound="TimelineDelivery")



@_attrs_define
class TimelineDelivery:
    """ 
        Attributes:
            id (int):
            kind (str): inapp, email, webhook, apprise, or a target such as chat_room.
            channel (Named | None): The notification channel, if through one.
            user (None | str): The user (username) it reached, if a person's.
            target_id (int | None): With a target kind: its object (the room).
            status (str): pending, held, delivered, failed or skipped.
            attempts (int):
            delivered_at (datetime.datetime | None):
            last_error (str):
     """

    id: int
    kind: str
    channel: Named | None
    user: None | str
    target_id: int | None
    status: str
    attempts: int
    delivered_at: datetime.datetime | None
    last_error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named # noqa: PLC0415
        id = self.id

        kind = self.kind

        channel: dict[str, Any] | None
        if isinstance(self.channel, Named):
            channel = self.channel.to_dict()
        else:
            channel = self.channel

        user: None | str
        user = self.user

        target_id: int | None
        target_id = self.target_id

        status = self.status

        attempts = self.attempts

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        last_error = self.last_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "channel": channel,
            "user": user,
            "target_id": target_id,
            "status": status,
            "attempts": attempts,
            "delivered_at": delivered_at,
            "last_error": last_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_channel(data: object) -> Named | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                channel_type_1 = Named.from_dict(data)



                return channel_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None, data)

        channel = _parse_channel(d.pop("channel"))


        def _parse_user(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user = _parse_user(d.pop("user"))


        def _parse_target_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_id = _parse_target_id(d.pop("target_id"))


        status = d.pop("status")

        attempts = d.pop("attempts")

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        last_error = d.pop("last_error")

        timeline_delivery = cls(
            id=id,
            kind=kind,
            channel=channel,
            user=user,
            target_id=target_id,
            status=status,
            attempts=attempts,
            delivered_at=delivered_at,
            last_error=last_error,
        )


        timeline_delivery.additional_properties = d
        return timeline_delivery

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
