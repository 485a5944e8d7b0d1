from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.client_role_enum import check_client_role_enum
from ..models.client_role_enum import ClientRoleEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ClientUpdateRequest")



@_attrs_define
class ClientUpdateRequest:
    """ Every field optional: what is given changes, the rest stays.

        Attributes:
            name (str | Unset): Also its bot's username (chat shows it): letters, digits and . _ - (a letter or digit
                first). Unique among clients and users.
            description (str | Unset):
            role (ClientRoleEnum | Unset): * `viewer` - Viewer
                * `operator` - Operator
            team (int | None | Unset): The team whose scope of the fleet the client has (its bot joins the team); null:
                none.
            allowed_ips (list[str] | Unset): Where the key is accepted from; empty: anywhere. A request from elsewhere is a
                403 `ip_not_allowed`.
     """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    role: ClientRoleEnum | Unset = UNSET
    team: int | None | Unset = UNSET
    allowed_ips: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role


        team: int | None | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        else:
            team = self.team

        allowed_ips: list[str] | Unset = UNSET
        if not isinstance(self.allowed_ips, Unset):
            allowed_ips = self.allowed_ips




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if role is not UNSET:
            field_dict["role"] = role
        if team is not UNSET:
            field_dict["team"] = team
        if allowed_ips is not UNSET:
            field_dict["allowed_ips"] = allowed_ips

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _role = d.pop("role", UNSET)
        role: ClientRoleEnum | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = check_client_role_enum(_role)




        def _parse_team(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team = _parse_team(d.pop("team", UNSET))


        allowed_ips = cast(list[str], d.pop("allowed_ips", UNSET))


        client_update_request = cls(
            name=name,
            description=description,
            role=role,
            team=team,
            allowed_ips=allowed_ips,
        )


        client_update_request.additional_properties = d
        return client_update_request

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
