from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role_7b5_enum import check_role_7b5_enum
from ..models.role_7b5_enum import Role7B5Enum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.team_brief import TeamBrief





T = TypeVar("T", bound="AdminUser")



@_attrs_define
class AdminUser:
    """ A user as admins see them.

        Attributes:
            id (int):
            username (str):
            email (str):
            full_name (str):
            role (Role7B5Enum): * `admin` - Admin
                * `operator` - Operator
                * `support` - Support
                * `viewer` - Viewer
                * `requester` - Requester
            is_active (bool):
            alert_emails (bool): Email me when an alert fires, repeats or resolves (opt-in).
            teams (list[TeamBrief]):
            invitation_pending (bool): Invited, and no password chosen yet (they cannot sign in until they do).
            last_login (datetime.datetime | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    username: str
    email: str
    full_name: str
    role: Role7B5Enum
    is_active: bool
    alert_emails: bool
    teams: list[TeamBrief]
    invitation_pending: bool
    last_login: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.team_brief import TeamBrief # noqa: PLC0415
        id = self.id

        username = self.username

        email = self.email

        full_name = self.full_name

        role: str = self.role

        is_active = self.is_active

        alert_emails = self.alert_emails

        teams = []
        for teams_item_data in self.teams:
            teams_item = teams_item_data.to_dict()
            teams.append(teams_item)



        invitation_pending = self.invitation_pending

        last_login: None | str
        if isinstance(self.last_login, datetime.datetime):
            last_login = self.last_login.isoformat()
        else:
            last_login = self.last_login

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "username": username,
            "email": email,
            "full_name": full_name,
            "role": role,
            "is_active": is_active,
            "alert_emails": alert_emails,
            "teams": teams,
            "invitation_pending": invitation_pending,
            "last_login": last_login,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.team_brief import TeamBrief # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        email = d.pop("email")

        full_name = d.pop("full_name")

        role = check_role_7b5_enum(d.pop("role"))




        is_active = d.pop("is_active")

        alert_emails = d.pop("alert_emails")

        teams = []
        _teams = d.pop("teams")
        for teams_item_data in (_teams):
            teams_item = TeamBrief.from_dict(teams_item_data)



            teams.append(teams_item)


        invitation_pending = d.pop("invitation_pending")

        def _parse_last_login(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_login_type_0 = datetime.datetime.fromisoformat(data)



                return last_login_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_login = _parse_last_login(d.pop("last_login"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        admin_user = cls(
            id=id,
            username=username,
            email=email,
            full_name=full_name,
            role=role,
            is_active=is_active,
            alert_emails=alert_emails,
            teams=teams,
            invitation_pending=invitation_pending,
            last_login=last_login,
            created_at=created_at,
            updated_at=updated_at,
        )


        admin_user.additional_properties = d
        return admin_user

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
