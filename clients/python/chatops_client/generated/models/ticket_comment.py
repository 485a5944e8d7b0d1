from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="TicketComment")



@_attrs_define
class TicketComment:
    """ 
        Attributes:
            id (int):
            ticket (int):
            author (int | None):
            body (str):
            created_at (datetime.datetime):
            internal (bool | Unset): An internal note: support staff only see it. Default: False.
     """

    id: int
    ticket: int
    author: int | None
    body: str
    created_at: datetime.datetime
    internal: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ticket = self.ticket

        author: int | None
        author = self.author

        body = self.body

        created_at = self.created_at.isoformat()

        internal = self.internal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "ticket": ticket,
            "author": author,
            "body": body,
            "created_at": created_at,
        })
        if internal is not UNSET:
            field_dict["internal"] = internal

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        ticket = d.pop("ticket")

        def _parse_author(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        author = _parse_author(d.pop("author"))


        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        internal = d.pop("internal", UNSET)

        ticket_comment = cls(
            id=id,
            ticket=ticket,
            author=author,
            body=body,
            created_at=created_at,
            internal=internal,
        )


        ticket_comment.additional_properties = d
        return ticket_comment

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
