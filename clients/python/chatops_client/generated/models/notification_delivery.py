from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status_enum import check_delivery_status_enum
from ..models.delivery_status_enum import DeliveryStatusEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.channel_summary import ChannelSummary
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="NotificationDelivery")



@_attrs_define
class NotificationDelivery:
    """ 
        Attributes:
            id (int):
            kind (str): email, inapp, webhook, apprise, or a target kind such as chat_room.
            channel (ChannelSummary | None):
            user (None | UserSummary):
            address (str): An email address given directly (else empty).
            target_id (int | None): The target's object (a chat room) for target kinds.
            status (DeliveryStatusEnum): * `pending` - Pending
                * `held` - Held
                * `delivered` - Delivered
                * `failed` - Failed
                * `skipped` - Skipped
            attempts (int):
            next_attempt_at (datetime.datetime | None): When it is tried (again); for a held one, when quiet hours end.
            last_error (str):
            created_at (datetime.datetime):
            delivered_at (datetime.datetime | None):
            read_at (datetime.datetime | None): In-app: when the user read it.
     """

    id: int
    kind: str
    channel: ChannelSummary | None
    user: None | UserSummary
    address: str
    target_id: int | None
    status: DeliveryStatusEnum
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_error: str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    read_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.channel_summary import ChannelSummary # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        kind = self.kind

        channel: dict[str, Any] | None
        if isinstance(self.channel, ChannelSummary):
            channel = self.channel.to_dict()
        else:
            channel = self.channel

        user: dict[str, Any] | None
        if isinstance(self.user, UserSummary):
            user = self.user.to_dict()
        else:
            user = self.user

        address = self.address

        target_id: int | None
        target_id = self.target_id

        status: str = self.status

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_error = self.last_error

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "channel": channel,
            "user": user,
            "address": address,
            "target_id": target_id,
            "status": status,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "last_error": last_error,
            "created_at": created_at,
            "delivered_at": delivered_at,
            "read_at": read_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channel_summary import ChannelSummary # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_channel(data: object) -> ChannelSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                channel_type_1 = ChannelSummary.from_dict(data)



                return channel_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelSummary | None, data)

        channel = _parse_channel(d.pop("channel"))


        def _parse_user(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_1 = UserSummary.from_dict(data)



                return user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        user = _parse_user(d.pop("user"))


        address = d.pop("address")

        def _parse_target_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_id = _parse_target_id(d.pop("target_id"))


        status = check_delivery_status_enum(d.pop("status"))




        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        last_error = d.pop("last_error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




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


        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))


        notification_delivery = cls(
            id=id,
            kind=kind,
            channel=channel,
            user=user,
            address=address,
            target_id=target_id,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_error=last_error,
            created_at=created_at,
            delivered_at=delivered_at,
            read_at=read_at,
        )


        notification_delivery.additional_properties = d
        return notification_delivery

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
