from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FleetHealth")



@_attrs_define
class FleetHealth:
    """ 
        Attributes:
            cpu_usage (float | None): Mean CPU use of the servers that report, in %.
            memory_usage (float | None): Mean memory use, in %.
            disk_usage (float | None): Mean of each server's fullest disk, in %.
            uptime_hours (float | None): Mean uptime, in hours.
            active_alerts (int): Firing or acknowledged alerts you may see.
            open_tickets (int): Unfinished tickets you may see.
            servers (int): Servers you may see.
            reporting (int): Of those, the ones with a sample.
     """

    cpu_usage: float | None
    memory_usage: float | None
    disk_usage: float | None
    uptime_hours: float | None
    active_alerts: int
    open_tickets: int
    servers: int
    reporting: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cpu_usage: float | None
        cpu_usage = self.cpu_usage

        memory_usage: float | None
        memory_usage = self.memory_usage

        disk_usage: float | None
        disk_usage = self.disk_usage

        uptime_hours: float | None
        uptime_hours = self.uptime_hours

        active_alerts = self.active_alerts

        open_tickets = self.open_tickets

        servers = self.servers

        reporting = self.reporting


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cpu_usage": cpu_usage,
            "memory_usage": memory_usage,
            "disk_usage": disk_usage,
            "uptime_hours": uptime_hours,
            "active_alerts": active_alerts,
            "open_tickets": open_tickets,
            "servers": servers,
            "reporting": reporting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cpu_usage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpu_usage = _parse_cpu_usage(d.pop("cpu_usage"))


        def _parse_memory_usage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        memory_usage = _parse_memory_usage(d.pop("memory_usage"))


        def _parse_disk_usage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        disk_usage = _parse_disk_usage(d.pop("disk_usage"))


        def _parse_uptime_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        uptime_hours = _parse_uptime_hours(d.pop("uptime_hours"))


        active_alerts = d.pop("active_alerts")

        open_tickets = d.pop("open_tickets")

        servers = d.pop("servers")

        reporting = d.pop("reporting")

        fleet_health = cls(
            cpu_usage=cpu_usage,
            memory_usage=memory_usage,
            disk_usage=disk_usage,
            uptime_hours=uptime_hours,
            active_alerts=active_alerts,
            open_tickets=open_tickets,
            servers=servers,
            reporting=reporting,
        )


        fleet_health.additional_properties = d
        return fleet_health

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
