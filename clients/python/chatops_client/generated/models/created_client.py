from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.client_role_enum import check_client_role_enum
from ..models.client_role_enum import ClientRoleEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="CreatedClient")



@_attrs_define
class CreatedClient:
    """ A client application, as admins and the client itself see it (never its key).

        Attributes:
            id (int):
            name (str):
            description (str):
            role (ClientRoleEnum): * `viewer` - Viewer
                * `operator` - Operator
            team (int | None):
            allowed_ips (list[str]): Empty: anywhere.
            prefix (str): The key's first characters, to tell keys apart.
            bot_user_id (int): Its bot user: add this id to a chat room to let it post there.
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            key_created_at (datetime.datetime):
            last_used_at (datetime.datetime | None):
            revoked_at (datetime.datetime | None):
            is_active (bool): False once revoked.
            key (str): The key itself. Shown this once, never again.
     """

    id: int
    name: str
    description: str
    role: ClientRoleEnum
    team: int | None
    allowed_ips: list[str]
    prefix: str
    bot_user_id: int
    created_by: None | UserSummary
    created_at: datetime.datetime
    updated_at: datetime.datetime
    key_created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    is_active: bool
    key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        name = self.name

        description = self.description

        role: str = self.role

        team: int | None
        team = self.team

        allowed_ips = self.allowed_ips



        prefix = self.prefix

        bot_user_id = self.bot_user_id

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        key_created_at = self.key_created_at.isoformat()

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        is_active = self.is_active

        key = self.key


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "description": description,
            "role": role,
            "team": team,
            "allowed_ips": allowed_ips,
            "prefix": prefix,
            "bot_user_id": bot_user_id,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
            "key_created_at": key_created_at,
            "last_used_at": last_used_at,
            "revoked_at": revoked_at,
            "is_active": is_active,
            "key": key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        role = check_client_role_enum(d.pop("role"))




        def _parse_team(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        team = _parse_team(d.pop("team"))


        allowed_ips = cast(list[str], d.pop("allowed_ips"))


        prefix = d.pop("prefix")

        bot_user_id = d.pop("bot_user_id")

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




        key_created_at = datetime.datetime.fromisoformat(d.pop("key_created_at"))




        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        is_active = d.pop("is_active")

        key = d.pop("key")

        created_client = cls(
            id=id,
            name=name,
            description=description,
            role=role,
            team=team,
            allowed_ips=allowed_ips,
            prefix=prefix,
            bot_user_id=bot_user_id,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            key_created_at=key_created_at,
            last_used_at=last_used_at,
            revoked_at=revoked_at,
            is_active=is_active,
            key=key,
        )


        created_client.additional_properties = d
        return created_client

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
