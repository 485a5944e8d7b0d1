from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EscalationStep")



@_attrs_define
class EscalationStep:
    """ The receivers' four lists, checked to exist.

        Attributes:
            after_minutes (int): Minutes after the alert was first notified (counted from then for every step).
            users (list[int] | Unset): Users (ids): each gets the notification in-app and on their own channels.
            teams (list[int] | Unset): Teams (ids): the team's channels, and each member as a user.
            channels (list[int] | Unset): Notification channels (ids).
            chat_rooms (list[int] | Unset): Chat rooms (ids), posted into as a system message; not archived.
     """

    after_minutes: int
    users: list[int] | Unset = UNSET
    teams: list[int] | Unset = UNSET
    channels: list[int] | Unset = UNSET
    chat_rooms: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        after_minutes = self.after_minutes

        users: list[int] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = self.users



        teams: list[int] | Unset = UNSET
        if not isinstance(self.teams, Unset):
            teams = self.teams



        channels: list[int] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels



        chat_rooms: list[int] | Unset = UNSET
        if not isinstance(self.chat_rooms, Unset):
            chat_rooms = self.chat_rooms




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "after_minutes": after_minutes,
        })
        if users is not UNSET:
            field_dict["users"] = users
        if teams is not UNSET:
            field_dict["teams"] = teams
        if channels is not UNSET:
            field_dict["channels"] = channels
        if chat_rooms is not UNSET:
            field_dict["chat_rooms"] = chat_rooms

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after_minutes = d.pop("after_minutes")

        users = cast(list[int], d.pop("users", UNSET))


        teams = cast(list[int], d.pop("teams", UNSET))


        channels = cast(list[int], d.pop("channels", UNSET))


        chat_rooms = cast(list[int], d.pop("chat_rooms", UNSET))


        escalation_step = cls(
            after_minutes=after_minutes,
            users=users,
            teams=teams,
            channels=channels,
            chat_rooms=chat_rooms,
        )


        escalation_step.additional_properties = d
        return escalation_step

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
