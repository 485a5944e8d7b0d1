from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Node")



@_attrs_define
class Node:
    """ 
        Attributes:
            name (str):
            status (str):
            ready (bool):
            cpu_usage (float | None): % of allocatable CPU.
            memory_usage (float | None): % of allocatable memory.
            cpu_cores (float | None): Cores in use.
            memory_bytes (float | None): Bytes in use.
            cpu_allocatable (float | None): cores
            memory_allocatable (float | None): bytes
            pods (int):
            created_at (datetime.datetime | None):
     """

    name: str
    status: str
    ready: bool
    cpu_usage: float | None
    memory_usage: float | None
    cpu_cores: float | None
    memory_bytes: float | None
    cpu_allocatable: float | None
    memory_allocatable: float | None
    pods: int
    created_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        status = self.status

        ready = self.ready

        cpu_usage: float | None
        cpu_usage = self.cpu_usage

        memory_usage: float | None
        memory_usage = self.memory_usage

        cpu_cores: float | None
        cpu_cores = self.cpu_cores

        memory_bytes: float | None
        memory_bytes = self.memory_bytes

        cpu_allocatable: float | None
        cpu_allocatable = self.cpu_allocatable

        memory_allocatable: float | None
        memory_allocatable = self.memory_allocatable

        pods = self.pods

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "status": status,
            "ready": ready,
            "cpu_usage": cpu_usage,
            "memory_usage": memory_usage,
            "cpu_cores": cpu_cores,
            "memory_bytes": memory_bytes,
            "cpu_allocatable": cpu_allocatable,
            "memory_allocatable": memory_allocatable,
            "pods": pods,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        status = d.pop("status")

        ready = d.pop("ready")

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


        def _parse_cpu_cores(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpu_cores = _parse_cpu_cores(d.pop("cpu_cores"))


        def _parse_memory_bytes(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        memory_bytes = _parse_memory_bytes(d.pop("memory_bytes"))


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


        pods = d.pop("pods")

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))


        node = cls(
            name=name,
            status=status,
            ready=ready,
            cpu_usage=cpu_usage,
            memory_usage=memory_usage,
            cpu_cores=cpu_cores,
            memory_bytes=memory_bytes,
            cpu_allocatable=cpu_allocatable,
            memory_allocatable=memory_allocatable,
            pods=pods,
            created_at=created_at,
        )


        node.additional_properties = d
        return node

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
