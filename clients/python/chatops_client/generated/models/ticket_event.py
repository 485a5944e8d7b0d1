from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TicketEvent")



@_attrs_define
class TicketEvent:
    """ 
        Attributes:
            id (int):
            kind (str):
            actor (int | None):
            details (Any):
            internal (bool):
            created_at (datetime.datetime):
     """

    id: int
    kind: str
    actor: int | None
    details: Any
    internal: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        actor: int | None
        actor = self.actor

        details = self.details

        internal = self.internal

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "actor": actor,
            "details": details,
            "internal": internal,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_actor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor = _parse_actor(d.pop("actor"))


        details = d.pop("details")

        internal = d.pop("internal")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ticket_event = cls(
            id=id,
            kind=kind,
            actor=actor,
            details=details,
            internal=internal,
            created_at=created_at,
        )


        ticket_event.additional_properties = d
        return ticket_event

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
