from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Container")



@_attrs_define
class Container:
    """ 
        Attributes:
            id (str):
            name (str):
            image (str):
            state (str):
            status (str):
            created (None | str):
            ports (Any):
            cpu_percent (float | None):
            memory_bytes (int | None):
            memory_limit_bytes (int | None):
     """

    id: str
    name: str
    image: str
    state: str
    status: str
    created: None | str
    ports: Any
    cpu_percent: float | None
    memory_bytes: int | None
    memory_limit_bytes: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        image = self.image

        state = self.state

        status = self.status

        created: None | str
        created = self.created

        ports = self.ports

        cpu_percent: float | None
        cpu_percent = self.cpu_percent

        memory_bytes: int | None
        memory_bytes = self.memory_bytes

        memory_limit_bytes: int | None
        memory_limit_bytes = self.memory_limit_bytes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "image": image,
            "state": state,
            "status": status,
            "created": created,
            "ports": ports,
            "cpu_percent": cpu_percent,
            "memory_bytes": memory_bytes,
            "memory_limit_bytes": memory_limit_bytes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        image = d.pop("image")

        state = d.pop("state")

        status = d.pop("status")

        def _parse_created(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created = _parse_created(d.pop("created"))


        ports = d.pop("ports")

        def _parse_cpu_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpu_percent = _parse_cpu_percent(d.pop("cpu_percent"))


        def _parse_memory_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        memory_bytes = _parse_memory_bytes(d.pop("memory_bytes"))


        def _parse_memory_limit_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        memory_limit_bytes = _parse_memory_limit_bytes(d.pop("memory_limit_bytes"))


        container = cls(
            id=id,
            name=name,
            image=image,
            state=state,
            status=status,
            created=created,
            ports=ports,
            cpu_percent=cpu_percent,
            memory_bytes=memory_bytes,
            memory_limit_bytes=memory_limit_bytes,
        )


        container.additional_properties = d
        return container

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
