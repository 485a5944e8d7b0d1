from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel_kind_enum import ChannelKindEnum
from ..models.channel_kind_enum import check_channel_kind_enum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="Channel")



@_attrs_define
class Channel:
    """ A channel as every route shows it: the target masked.

        Attributes:
            id (int):
            name (str):
            kind (ChannelKindEnum): * `email` - Email
                * `webhook` - Webhook
                * `apprise` - Apprise service
            target (str): Masked: o…@example.com, https://host/…, or Apprise's privacy form (tokens as a...z, no query, path
                segments masked).
            service (str): What it reaches: "Email", "Webhook", "Slack", "ntfy", …
            user (int | None): The owner (a user).
            team (int | None): The owner (a team).
            enabled (bool):
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    name: str
    kind: ChannelKindEnum
    target: str
    service: str
    user: int | None
    team: int | None
    enabled: bool
    created_by: None | UserSummary
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        name = self.name

        kind: str = self.kind

        target = self.target

        service = self.service

        user: int | None
        user = self.user

        team: int | None
        team = self.team

        enabled = self.enabled

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
            "target": target,
            "service": service,
            "user": user,
            "team": team,
            "enabled": enabled,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = check_channel_kind_enum(d.pop("kind"))




        target = d.pop("target")

        service = d.pop("service")

        def _parse_user(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user = _parse_user(d.pop("user"))


        def _parse_team(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        team = _parse_team(d.pop("team"))


        enabled = d.pop("enabled")

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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        channel = cls(
            id=id,
            name=name,
            kind=kind,
            target=target,
            service=service,
            user=user,
            team=team,
            enabled=enabled,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
        )


        channel.additional_properties = d
        return channel

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
