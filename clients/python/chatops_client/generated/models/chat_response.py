from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ChatResponse")



@_attrs_define
class ChatResponse:
    """ 
        Attributes:
            response (str):
            session_id (str):
            confidence_score (float): How sure the retrieval was of its best FAQ, 0 to 1 (see docs/helpdesk-bot.md).
            was_escalated (bool): True: the bot handed the question over to a ticket.
            ticket_id (int | None):
     """

    response: str
    session_id: str
    confidence_score: float
    was_escalated: bool
    ticket_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        response = self.response

        session_id = self.session_id

        confidence_score = self.confidence_score

        was_escalated = self.was_escalated

        ticket_id: int | None
        ticket_id = self.ticket_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "response": response,
            "session_id": session_id,
            "confidence_score": confidence_score,
            "was_escalated": was_escalated,
            "ticket_id": ticket_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = d.pop("response")

        session_id = d.pop("session_id")

        confidence_score = d.pop("confidence_score")

        was_escalated = d.pop("was_escalated")

        def _parse_ticket_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ticket_id = _parse_ticket_id(d.pop("ticket_id"))


        chat_response = cls(
            response=response,
            session_id=session_id,
            confidence_score=confidence_score,
            was_escalated=was_escalated,
            ticket_id=ticket_id,
        )


        chat_response.additional_properties = d
        return chat_response

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
