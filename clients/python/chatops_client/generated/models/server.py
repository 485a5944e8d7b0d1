from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.server_status_enum import check_server_status_enum
from ..models.server_status_enum import ServerStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="Server")



@_attrs_define
class Server:
    """ 
        Attributes:
            id (int):
            name (str):
            hostname (str):
            status (ServerStatusEnum): * `online` - Online
                * `offline` - Offline
                * `unknown` - Unknown
            last_seen (datetime.datetime | None):
            agent_version (str):
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            ip_address (Any | Unset):
            os (str | Unset):
            tags (list[str] | Unset): Up to 20 tags.
            description (str | Unset):
     """

    id: int
    name: str
    hostname: str
    status: ServerStatusEnum
    last_seen: datetime.datetime | None
    agent_version: str
    created_by: None | UserSummary
    created_at: datetime.datetime
    updated_at: datetime.datetime
    ip_address: Any | Unset = UNSET
    os: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        name = self.name

        hostname = self.hostname

        status: str = self.status

        last_seen: None | str
        if isinstance(self.last_seen, datetime.datetime):
            last_seen = self.last_seen.isoformat()
        else:
            last_seen = self.last_seen

        agent_version = self.agent_version

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        ip_address: Any | Unset
        if isinstance(self.ip_address, Unset):
            ip_address = UNSET
        else:
            ip_address = self.ip_address

        os = self.os

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "hostname": hostname,
            "status": status,
            "last_seen": last_seen,
            "agent_version": agent_version,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if ip_address is not UNSET:
            field_dict["ip_address"] = ip_address
        if os is not UNSET:
            field_dict["os"] = os
        if tags is not UNSET:
            field_dict["tags"] = tags
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        hostname = d.pop("hostname")

        status = check_server_status_enum(d.pop("status"))




        def _parse_last_seen(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_type_0 = datetime.datetime.fromisoformat(data)



                return last_seen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_seen = _parse_last_seen(d.pop("last_seen"))


        agent_version = d.pop("agent_version")

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




        def _parse_ip_address(data: object) -> Any | Unset:
            if isinstance(data, Unset):
                return data
            return cast(Any | Unset, data)

        ip_address = _parse_ip_address(d.pop("ip_address", UNSET))


        os = d.pop("os", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        description = d.pop("description", UNSET)

        server = cls(
            id=id,
            name=name,
            hostname=hostname,
            status=status,
            last_seen=last_seen,
            agent_version=agent_version,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            ip_address=ip_address,
            os=os,
            tags=tags,
            description=description,
        )


        server.additional_properties = d
        return server

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
