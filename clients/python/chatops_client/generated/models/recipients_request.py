from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RecipientsRequest")



@_attrs_define
class RecipientsRequest:
    """ 
        Attributes:
            users (list[int] | Unset): User ids: each gets the notification in their in-app inbox and on each of their
                enabled channels.
            teams (list[int] | Unset): Team ids: the team's channels, and every member as a user.
            channels (list[int] | Unset): Notification channel ids (any user's or team's).
            addresses (list[str] | Unset): Email addresses, sent to directly.
     """

    users: list[int] | Unset = UNSET
    teams: list[int] | Unset = UNSET
    channels: list[int] | Unset = UNSET
    addresses: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        users = cast(list[int], d.pop("users", UNSET))


        teams = cast(list[int], d.pop("teams", UNSET))


        channels = cast(list[int], d.pop("channels", UNSET))


        addresses = cast(list[str], d.pop("addresses", UNSET))


        recipients_request = cls(
            users=users,
            teams=teams,
            channels=channels,
            addresses=addresses,
        )


        recipients_request.additional_properties = d
        return recipients_request

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
