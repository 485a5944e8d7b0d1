from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FleetAlert")



@_attrs_define
class FleetAlert:
    """ 
        Attributes:
            id (int):
            name (str):
            severity (str):
            status (str):
            server (int):
            server_name (str):
            message (str):
            started_at (datetime.datetime):
     """

    id: int
    name: str
    severity: str
    status: str
    server: int
    server_name: str
    message: str
    started_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        severity = self.severity

        status = self.status

        server = self.server

        server_name = self.server_name

        message = self.message

        started_at = self.started_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "severity": severity,
            "status": status,
            "server": server,
            "server_name": server_name,
            "message": message,
            "started_at": started_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        severity = d.pop("severity")

        status = d.pop("status")

        server = d.pop("server")

        server_name = d.pop("server_name")

        message = d.pop("message")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        fleet_alert = cls(
            id=id,
            name=name,
            severity=severity,
            status=status,
            server=server,
            server_name=server_name,
            message=message,
            started_at=started_at,
        )


        fleet_alert.additional_properties = d
        return fleet_alert

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
