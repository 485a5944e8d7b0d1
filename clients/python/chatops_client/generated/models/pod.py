from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Pod")



@_attrs_define
class Pod:
    """ 
        Attributes:
            name (str):
            namespace (str):
            node (str):
            status (str):
            phase (str):
            ready (bool):
            restarts (int):
            cpu_usage (float | None): Millicores.
            memory_usage (float | None): MiB.
            created_at (datetime.datetime | None):
     """

    name: str
    namespace: str
    node: str
    status: str
    phase: str
    ready: bool
    restarts: int
    cpu_usage: float | None
    memory_usage: float | None
    created_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        namespace = self.namespace

        node = self.node

        status = self.status

        phase = self.phase

        ready = self.ready

        restarts = self.restarts

        cpu_usage: float | None
        cpu_usage = self.cpu_usage

        memory_usage: float | None
        memory_usage = self.memory_usage

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "namespace": namespace,
            "node": node,
            "status": status,
            "phase": phase,
            "ready": ready,
            "restarts": restarts,
            "cpu_usage": cpu_usage,
            "memory_usage": memory_usage,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        namespace = d.pop("namespace")

        node = d.pop("node")

        status = d.pop("status")

        phase = d.pop("phase")

        ready = d.pop("ready")

        restarts = d.pop("restarts")

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


        pod = cls(
            name=name,
            namespace=namespace,
            node=node,
            status=status,
            phase=phase,
            ready=ready,
            restarts=restarts,
            cpu_usage=cpu_usage,
            memory_usage=memory_usage,
            created_at=created_at,
        )


        pod.additional_properties = d
        return pod

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
