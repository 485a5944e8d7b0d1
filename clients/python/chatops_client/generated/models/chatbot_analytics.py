from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.chatbot_common_query import ChatbotCommonQuery





T = TypeVar("T", bound="ChatbotAnalytics")



@_attrs_define
class ChatbotAnalytics:
    """ 
        Attributes:
            total_queries (int):
            escalated_queries (int):
            escalation_rate (float): Percent of questions handed over (16.67 for one in six).
            avg_confidence_score (float | None): Null before the first question.
            common_queries (list[ChatbotCommonQuery]):
     """

    total_queries: int
    escalated_queries: int
    escalation_rate: float
    avg_confidence_score: float | None
    common_queries: list[ChatbotCommonQuery]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chatbot_common_query import ChatbotCommonQuery # noqa: PLC0415
        total_queries = self.total_queries

        escalated_queries = self.escalated_queries

        escalation_rate = self.escalation_rate

        avg_confidence_score: float | None
        avg_confidence_score = self.avg_confidence_score

        common_queries = []
        for common_queries_item_data in self.common_queries:
            common_queries_item = common_queries_item_data.to_dict()
            common_queries.append(common_queries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total_queries": total_queries,
            "escalated_queries": escalated_queries,
            "escalation_rate": escalation_rate,
            "avg_confidence_score": avg_confidence_score,
            "common_queries": common_queries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatbot_common_query import ChatbotCommonQuery # noqa: PLC0415
        d = dict(src_dict)
        total_queries = d.pop("total_queries")

        escalated_queries = d.pop("escalated_queries")

        escalation_rate = d.pop("escalation_rate")

        def _parse_avg_confidence_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_confidence_score = _parse_avg_confidence_score(d.pop("avg_confidence_score"))


        common_queries = []
        _common_queries = d.pop("common_queries")
        for common_queries_item_data in (_common_queries):
            common_queries_item = ChatbotCommonQuery.from_dict(common_queries_item_data)



            common_queries.append(common_queries_item)


        chatbot_analytics = cls(
            total_queries=total_queries,
            escalated_queries=escalated_queries,
            escalation_rate=escalation_rate,
            avg_confidence_score=avg_confidence_score,
            common_queries=common_queries,
        )


        chatbot_analytics.additional_properties = d
        return chatbot_analytics

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
