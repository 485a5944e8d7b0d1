from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.sample_phases import SamplePhases





T = TypeVar("T", bound="Sample")



@_attrs_define
class Sample:
    """ 
        Attributes:
            ts (datetime.datetime):
            node_count (int):
            nodes_ready (int):
            pod_count (int):
            phases (SamplePhases): Pods by phase.
            cpu (float | None): cores in use, all nodes
            memory (float | None): bytes in use, all nodes
            cpu_allocatable (float | None):
            memory_allocatable (float | None):
     """

    ts: datetime.datetime
    node_count: int
    nodes_ready: int
    pod_count: int
    phases: SamplePhases
    cpu: float | None
    memory: float | None
    cpu_allocatable: float | None
    memory_allocatable: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sample_phases import SamplePhases # noqa: PLC0415
        ts = self.ts.isoformat()

        node_count = self.node_count

        nodes_ready = self.nodes_ready

        pod_count = self.pod_count

        phases = self.phases.to_dict()

        cpu: float | None
        cpu = self.cpu

        memory: float | None
        memory = self.memory

        cpu_allocatable: float | None
        cpu_allocatable = self.cpu_allocatable

        memory_allocatable: float | None
        memory_allocatable = self.memory_allocatable


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ts": ts,
            "node_count": node_count,
            "nodes_ready": nodes_ready,
            "pod_count": pod_count,
            "phases": phases,
            "cpu": cpu,
            "memory": memory,
            "cpu_allocatable": cpu_allocatable,
            "memory_allocatable": memory_allocatable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sample_phases import SamplePhases # noqa: PLC0415
        d = dict(src_dict)
        ts = datetime.datetime.fromisoformat(d.pop("ts"))




        node_count = d.pop("node_count")

        nodes_ready = d.pop("nodes_ready")

        pod_count = d.pop("pod_count")

        phases = SamplePhases.from_dict(d.pop("phases"))




        def _parse_cpu(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpu = _parse_cpu(d.pop("cpu"))


        def _parse_memory(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        memory = _parse_memory(d.pop("memory"))


        def _parse_cpu_allocatable(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpu_allocatable = _parse_cpu_allocatable(d.pop("cpu_allocatable"))


        def _parse_memory_allocatable(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        memory_allocatable = _parse_memory_allocatable(d.pop("memory_allocatable"))


        sample = cls(
            ts=ts,
            node_count=node_count,
            nodes_ready=nodes_ready,
            pod_count=pod_count,
            phases=phases,
            cpu=cpu,
            memory=memory,
            cpu_allocatable=cpu_allocatable,
            memory_allocatable=memory_allocatable,
        )


        sample.additional_properties = d
        return sample

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
