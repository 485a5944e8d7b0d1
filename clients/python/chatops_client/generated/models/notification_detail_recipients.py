from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.notification_detail_recipients_targets import NotificationDetailRecipientsTargets





T = TypeVar("T", bound="NotificationDetailRecipients")



@_attrs_define
class NotificationDetailRecipients:
    """ The recipients as they were asked for.

        Attributes:
            users (list[int] | Unset):
            teams (list[int] | Unset):
            channels (list[int] | Unset):
            addresses (list[str] | Unset):
            targets (NotificationDetailRecipientsTargets | Unset): Other places by kind, e.g. chat rooms: {"chat_room":
                [3]}.
     """

    users: list[int] | Unset = UNSET
    teams: list[int] | Unset = UNSET
    channels: list[int] | Unset = UNSET
    addresses: list[str] | Unset = UNSET
    targets: NotificationDetailRecipientsTargets | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_detail_recipients_targets import NotificationDetailRecipientsTargets # noqa: PLC0415
        users: list[int] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = self.users



        teams: list[int] | Unset = UNSET
        if not isinstance(self.teams, Unset):
            teams = self.teams



        channels: list[int] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels



        addresses: list[str] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = self.addresses



        targets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if users is not UNSET:
            field_dict["users"] = users
        if teams is not UNSET:
            field_dict["teams"] = teams
        if channels is not UNSET:
            field_dict["channels"] = channels
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_detail_recipients_targets import NotificationDetailRecipientsTargets # noqa: PLC0415
        d = dict(src_dict)
        users = cast(list[int], d.pop("users", UNSET))


        teams = cast(list[int], d.pop("teams", UNSET))


        channels = cast(list[int], d.pop("channels", UNSET))


        addresses = cast(list[str], d.pop("addresses", UNSET))


        _targets = d.pop("targets", UNSET)
        targets: NotificationDetailRecipientsTargets | Unset
        if isinstance(_targets,  Unset):
            targets = UNSET
        else:
            targets = NotificationDetailRecipientsTargets.from_dict(_targets)




        notification_detail_recipients = cls(
            users=users,
            teams=teams,
            channels=channels,
            addresses=addresses,
            targets=targets,
        )


        notification_detail_recipients.additional_properties = d
        return notification_detail_recipients

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
