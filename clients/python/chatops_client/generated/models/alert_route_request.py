from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_by_enum import check_group_by_enum
from ..models.group_by_enum import GroupByEnum
from ..models.kinds_enum import check_kinds_enum
from ..models.kinds_enum import KindsEnum
from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AlertRouteRequest")



@_attrs_define
class AlertRouteRequest:
    """ 
        Attributes:
            name (str): Unique (case-insensitive).
            position (int | Unset): Routes are tried in this order (then by id); default: last.
            enabled (bool | Unset):
            severities (list[SeverityEnum] | Unset): Match alerts of any of these severities (empty: any).
            tags (list[str] | Unset): Match alerts of servers with any of these tags (empty: any).
            thresholds (list[int] | Unset): Match alerts of any of these thresholds, by id (empty: any).
            kinds (list[KindsEnum] | Unset): Match alerts of these kinds (empty: any).
            users (list[int] | Unset): Users (ids): each gets the notification in-app and on their own channels.
            teams (list[int] | Unset): Teams (ids): the team's channels, and each member as a user.
            channels (list[int] | Unset): Notification channels (ids).
            chat_rooms (list[int] | Unset): Chat rooms (ids), posted into as a system message; not archived.
            group_by (list[GroupByEnum] | Unset): Alerts of this route with the same values of these labels are notified
                together (default: alert_name, severity; empty: the whole route is one group).
            group_wait_seconds (int | Unset): How long a new group waits for more alerts before its first notification.
                Default: 30.
            group_interval_seconds (int | Unset): How long after a notification a group waits before telling of what changed
                since. Default: 300.
            repeat_interval_seconds (int | Unset): Notify again after this long while any alert of the group is firing
                unacknowledged (0: never). Default: 14400.
            send_resolved (bool | Unset): Also tell when the alerts it told of resolve.
            escalation_policy (int | None | Unset): Steps taken while an alert stays firing and unacknowledged (GET
                /escalation-policies).
            continue_ (bool | Unset): After matching, try the next routes too (Alertmanager's `continue`); otherwise the
                first route that matches takes the alert.
     """

    name: str
    position: int | Unset = UNSET
    enabled: bool | Unset = UNSET
    severities: list[SeverityEnum] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    thresholds: list[int] | Unset = UNSET
    kinds: list[KindsEnum] | Unset = UNSET
    users: list[int] | Unset = UNSET
    teams: list[int] | Unset = UNSET
    channels: list[int] | Unset = UNSET
    chat_rooms: list[int] | Unset = UNSET
    group_by: list[GroupByEnum] | Unset = UNSET
    group_wait_seconds: int | Unset = 30
    group_interval_seconds: int | Unset = 300
    repeat_interval_seconds: int | Unset = 14400
    send_resolved: bool | Unset = UNSET
    escalation_policy: int | None | Unset = UNSET
    continue_: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        position = self.position

        enabled = self.enabled

        severities: list[str] | Unset = UNSET
        if not isinstance(self.severities, Unset):
            severities = []
            for severities_item_data in self.severities:
                severities_item: str = severities_item_data
                severities.append(severities_item)



        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        thresholds: list[int] | Unset = UNSET
        if not isinstance(self.thresholds, Unset):
            thresholds = self.thresholds



        kinds: list[str] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = []
            for kinds_item_data in self.kinds:
                kinds_item: str = kinds_item_data
                kinds.append(kinds_item)



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



        group_by: list[str] | Unset = UNSET
        if not isinstance(self.group_by, Unset):
            group_by = []
            for group_by_item_data in self.group_by:
                group_by_item: str = group_by_item_data
                group_by.append(group_by_item)



        group_wait_seconds = self.group_wait_seconds

        group_interval_seconds = self.group_interval_seconds

        repeat_interval_seconds = self.repeat_interval_seconds

        send_resolved = self.send_resolved

        escalation_policy: int | None | Unset
        if isinstance(self.escalation_policy, Unset):
            escalation_policy = UNSET
        else:
            escalation_policy = self.escalation_policy

        continue_ = self.continue_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if position is not UNSET:
            field_dict["position"] = position
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if severities is not UNSET:
            field_dict["severities"] = severities
        if tags is not UNSET:
            field_dict["tags"] = tags
        if thresholds is not UNSET:
            field_dict["thresholds"] = thresholds
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if users is not UNSET:
            field_dict["users"] = users
        if teams is not UNSET:
            field_dict["teams"] = teams
        if channels is not UNSET:
            field_dict["channels"] = channels
        if chat_rooms is not UNSET:
            field_dict["chat_rooms"] = chat_rooms
        if group_by is not UNSET:
            field_dict["group_by"] = group_by
        if group_wait_seconds is not UNSET:
            field_dict["group_wait_seconds"] = group_wait_seconds
        if group_interval_seconds is not UNSET:
            field_dict["group_interval_seconds"] = group_interval_seconds
        if repeat_interval_seconds is not UNSET:
            field_dict["repeat_interval_seconds"] = repeat_interval_seconds
        if send_resolved is not UNSET:
            field_dict["send_resolved"] = send_resolved
        if escalation_policy is not UNSET:
            field_dict["escalation_policy"] = escalation_policy
        if continue_ is not UNSET:
            field_dict["continue"] = continue_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        position = d.pop("position", UNSET)

        enabled = d.pop("enabled", UNSET)

        _severities = d.pop("severities", UNSET)
        severities: list[SeverityEnum] | Unset = UNSET
        if _severities is not UNSET:
            severities = []
            for severities_item_data in _severities:
                severities_item = check_severity_enum(severities_item_data)



                severities.append(severities_item)


        tags = cast(list[str], d.pop("tags", UNSET))


        thresholds = cast(list[int], d.pop("thresholds", UNSET))


        _kinds = d.pop("kinds", UNSET)
        kinds: list[KindsEnum] | Unset = UNSET
        if _kinds is not UNSET:
            kinds = []
            for kinds_item_data in _kinds:
                kinds_item = check_kinds_enum(kinds_item_data)



                kinds.append(kinds_item)


        users = cast(list[int], d.pop("users", UNSET))


        teams = cast(list[int], d.pop("teams", UNSET))


        channels = cast(list[int], d.pop("channels", UNSET))


        chat_rooms = cast(list[int], d.pop("chat_rooms", UNSET))


        _group_by = d.pop("group_by", UNSET)
        group_by: list[GroupByEnum] | Unset = UNSET
        if _group_by is not UNSET:
            group_by = []
            for group_by_item_data in _group_by:
                group_by_item = check_group_by_enum(group_by_item_data)



                group_by.append(group_by_item)


        group_wait_seconds = d.pop("group_wait_seconds", UNSET)

        group_interval_seconds = d.pop("group_interval_seconds", UNSET)

        repeat_interval_seconds = d.pop("repeat_interval_seconds", UNSET)

        send_resolved = d.pop("send_resolved", UNSET)

        def _parse_escalation_policy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        escalation_policy = _parse_escalation_policy(d.pop("escalation_policy", UNSET))


        continue_ = d.pop("continue", UNSET)

        alert_route_request = cls(
            name=name,
            position=position,
            enabled=enabled,
            severities=severities,
            tags=tags,
            thresholds=thresholds,
            kinds=kinds,
            users=users,
            teams=teams,
            channels=channels,
            chat_rooms=chat_rooms,
            group_by=group_by,
            group_wait_seconds=group_wait_seconds,
            group_interval_seconds=group_interval_seconds,
            repeat_interval_seconds=repeat_interval_seconds,
            send_resolved=send_resolved,
            escalation_policy=escalation_policy,
            continue_=continue_,
        )


        alert_route_request.additional_properties = d
        return alert_route_request

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
