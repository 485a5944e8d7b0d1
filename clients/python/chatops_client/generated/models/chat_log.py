from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ChatLog")



@_attrs_define
class ChatLog:
    """ 
        Attributes:
            id (int):
            user_id (int | None):
            session_id (str):
            user_query (str):
            bot_response (str):
            confidence_score (float):
            was_escalated (bool):
            ticket_id (int | None):
            faq_id (int | None):
            via (str):
            response_time_ms (int):
            created_at (datetime.datetime):
     """

    id: int
    user_id: int | None
    session_id: str
    user_query: str
    bot_response: str
    confidence_score: float
    was_escalated: bool
    ticket_id: int | None
    faq_id: int | None
    via: str
    response_time_ms: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id: int | None
        user_id = self.user_id

        session_id = self.session_id

        user_query = self.user_query

        bot_response = self.bot_response

        confidence_score = self.confidence_score

        was_escalated = self.was_escalated

        ticket_id: int | None
        ticket_id = self.ticket_id

        faq_id: int | None
        faq_id = self.faq_id

        via = self.via

        response_time_ms = self.response_time_ms

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "user_id": user_id,
            "session_id": session_id,
            "user_query": user_query,
            "bot_response": bot_response,
            "confidence_score": confidence_score,
            "was_escalated": was_escalated,
            "ticket_id": ticket_id,
            "faq_id": faq_id,
            "via": via,
            "response_time_ms": response_time_ms,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_id = _parse_user_id(d.pop("user_id"))


        session_id = d.pop("session_id")

        user_query = d.pop("user_query")

        bot_response = d.pop("bot_response")

        confidence_score = d.pop("confidence_score")

        was_escalated = d.pop("was_escalated")

        def _parse_ticket_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ticket_id = _parse_ticket_id(d.pop("ticket_id"))


        def _parse_faq_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        faq_id = _parse_faq_id(d.pop("faq_id"))


        via = d.pop("via")

        response_time_ms = d.pop("response_time_ms")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        chat_log = cls(
            id=id,
            user_id=user_id,
            session_id=session_id,
            user_query=user_query,
            bot_response=bot_response,
            confidence_score=confidence_score,
            was_escalated=was_escalated,
            ticket_id=ticket_id,
            faq_id=faq_id,
            via=via,
            response_time_ms=response_time_ms,
            created_at=created_at,
        )


        chat_log.additional_properties = d
        return chat_log

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
