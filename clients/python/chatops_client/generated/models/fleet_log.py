from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FleetLog")



@_attrs_define
class FleetLog:
    """ 
        Attributes:
            id (int):
            level (str): Upper case, as the seed shows it: INFO, WARNING, ERROR…
            message (str):
            source (str):
            hostname (str):
            server (int):
            timestamp (datetime.datetime):
            metadata (str): Always '{}' (the seed's field; the agent sends none).
     """

    id: int
    level: str
    message: str
    source: str
    hostname: str
    server: int
    timestamp: datetime.datetime
    metadata: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        level = self.level

        message = self.message

        source = self.source

        hostname = self.hostname

        server = self.server

        timestamp = self.timestamp.isoformat()

        metadata = self.metadata


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "level": level,
            "message": message,
            "source": source,
            "hostname": hostname,
            "server": server,
            "timestamp": timestamp,
            "metadata": metadata,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        level = d.pop("level")

        message = d.pop("message")

        source = d.pop("source")

        hostname = d.pop("hostname")

        server = d.pop("server")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        metadata = d.pop("metadata")

        fleet_log = cls(
            id=id,
            level=level,
            message=message,
            source=source,
            hostname=hostname,
            server=server,
            timestamp=timestamp,
            metadata=metadata,
        )


        fleet_log.additional_properties = d
        return fleet_log

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
