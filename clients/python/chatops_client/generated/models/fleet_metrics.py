from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.fleet_alert import FleetAlert
  from ..models.fleet_health import FleetHealth
  from ..models.fleet_point import FleetPoint
  from ..models.fleet_ticket import FleetTicket





T = TypeVar("T", bound="FleetMetrics")



@_attrs_define
class FleetMetrics:
    """ 
        Attributes:
            system_health (FleetHealth):
            cpu_history (list[FleetPoint]):
            memory_history (list[FleetPoint]):
            disk_history (list[FleetPoint]):
            recent_alerts (list[FleetAlert]):
            recent_tickets (list[FleetTicket]):
     """

    system_health: FleetHealth
    cpu_history: list[FleetPoint]
    memory_history: list[FleetPoint]
    disk_history: list[FleetPoint]
    recent_alerts: list[FleetAlert]
    recent_tickets: list[FleetTicket]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fleet_alert import FleetAlert # noqa: PLC0415
        from ..models.fleet_health import FleetHealth # noqa: PLC0415
        from ..models.fleet_point import FleetPoint # noqa: PLC0415
        from ..models.fleet_ticket import FleetTicket # noqa: PLC0415
        system_health = self.system_health.to_dict()

        cpu_history = []
        for cpu_history_item_data in self.cpu_history:
            cpu_history_item = cpu_history_item_data.to_dict()
            cpu_history.append(cpu_history_item)



        memory_history = []
        for memory_history_item_data in self.memory_history:
            memory_history_item = memory_history_item_data.to_dict()
            memory_history.append(memory_history_item)



        disk_history = []
        for disk_history_item_data in self.disk_history:
            disk_history_item = disk_history_item_data.to_dict()
            disk_history.append(disk_history_item)



        recent_alerts = []
        for recent_alerts_item_data in self.recent_alerts:
            recent_alerts_item = recent_alerts_item_data.to_dict()
            recent_alerts.append(recent_alerts_item)



        recent_tickets = []
        for recent_tickets_item_data in self.recent_tickets:
            recent_tickets_item = recent_tickets_item_data.to_dict()
            recent_tickets.append(recent_tickets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "system_health": system_health,
            "cpu_history": cpu_history,
            "memory_history": memory_history,
            "disk_history": disk_history,
            "recent_alerts": recent_alerts,
            "recent_tickets": recent_tickets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fleet_alert import FleetAlert # noqa: PLC0415
        from ..models.fleet_health import FleetHealth # noqa: PLC0415
        from ..models.fleet_point import FleetPoint # noqa: PLC0415
        from ..models.fleet_ticket import FleetTicket # noqa: PLC0415
        d = dict(src_dict)
        system_health = FleetHealth.from_dict(d.pop("system_health"))




        cpu_history = []
        _cpu_history = d.pop("cpu_history")
        for cpu_history_item_data in (_cpu_history):
            cpu_history_item = FleetPoint.from_dict(cpu_history_item_data)



            cpu_history.append(cpu_history_item)


        memory_history = []
        _memory_history = d.pop("memory_history")
        for memory_history_item_data in (_memory_history):
            memory_history_item = FleetPoint.from_dict(memory_history_item_data)



            memory_history.append(memory_history_item)


        disk_history = []
        _disk_history = d.pop("disk_history")
        for disk_history_item_data in (_disk_history):
            disk_history_item = FleetPoint.from_dict(disk_history_item_data)



            disk_history.append(disk_history_item)


        recent_alerts = []
        _recent_alerts = d.pop("recent_alerts")
        for recent_alerts_item_data in (_recent_alerts):
            recent_alerts_item = FleetAlert.from_dict(recent_alerts_item_data)



            recent_alerts.append(recent_alerts_item)


        recent_tickets = []
        _recent_tickets = d.pop("recent_tickets")
        for recent_tickets_item_data in (_recent_tickets):
            recent_tickets_item = FleetTicket.from_dict(recent_tickets_item_data)



            recent_tickets.append(recent_tickets_item)


        fleet_metrics = cls(
            system_health=system_health,
            cpu_history=cpu_history,
            memory_history=memory_history,
            disk_history=disk_history,
            recent_alerts=recent_alerts,
            recent_tickets=recent_tickets,
        )


        fleet_metrics.additional_properties = d
        return fleet_metrics

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
