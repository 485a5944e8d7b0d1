from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ticket_sla_summary_by_state import TicketSLASummaryByState





T = TypeVar("T", bound="TicketSLASummary")



@_attrs_define
class TicketSLASummary:
    """ 
        Attributes:
            with_policy (int): Tickets with an SLA policy.
            breached (int):
            first_response_breached (int):
            resolution_breached (int):
            compliance_percent (float | None): Not breached, of those with a policy.
            by_state (TicketSLASummaryByState):
     """

    with_policy: int
    breached: int
    first_response_breached: int
    resolution_breached: int
    compliance_percent: float | None
    by_state: TicketSLASummaryByState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket_sla_summary_by_state import TicketSLASummaryByState # noqa: PLC0415
        with_policy = self.with_policy

        breached = self.breached

        first_response_breached = self.first_response_breached

        resolution_breached = self.resolution_breached

        compliance_percent: float | None
        compliance_percent = self.compliance_percent

        by_state = self.by_state.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "with_policy": with_policy,
            "breached": breached,
            "first_response_breached": first_response_breached,
            "resolution_breached": resolution_breached,
            "compliance_percent": compliance_percent,
            "by_state": by_state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticket_sla_summary_by_state import TicketSLASummaryByState # noqa: PLC0415
        d = dict(src_dict)
        with_policy = d.pop("with_policy")

        breached = d.pop("breached")

        first_response_breached = d.pop("first_response_breached")

        resolution_breached = d.pop("resolution_breached")

        def _parse_compliance_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        compliance_percent = _parse_compliance_percent(d.pop("compliance_percent"))


        by_state = TicketSLASummaryByState.from_dict(d.pop("by_state"))




        ticket_sla_summary = cls(
            with_policy=with_policy,
            breached=breached,
            first_response_breached=first_response_breached,
            resolution_breached=resolution_breached,
            compliance_percent=compliance_percent,
            by_state=by_state,
        )


        ticket_sla_summary.additional_properties = d
        return ticket_sla_summary

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
