from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category_enum import CategoryEnum
from ..models.category_enum import check_category_enum
from ..models.priority_enum import check_priority_enum
from ..models.priority_enum import PriorityEnum
from ..models.sla_state_enum import check_sla_state_enum
from ..models.sla_state_enum import SlaStateEnum
from ..models.status_952_enum import check_status_952_enum
from ..models.status_952_enum import Status952Enum
from ..models.ticket_source_enum import check_ticket_source_enum
from ..models.ticket_source_enum import TicketSourceEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Ticket")



@_attrs_define
class Ticket:
    """ A ticket as the seed shows it, plus its SLA clock and links.

        Attributes:
            id (int):
            title (str):
            description (str):
            priority (PriorityEnum): * `low` - Low
                * `medium` - Medium
                * `high` - High
                * `critical` - Critical
            status (Status952Enum): * `open` - Open
                * `in_progress` - In progress
                * `pending` - Pending (waiting on the requester)
                * `resolved` - Resolved
                * `closed` - Closed
                * `cancelled` - Cancelled
            category (CategoryEnum): * `system_down` - System down
                * `performance_issue` - Performance issue
                * `password_reset` - Password reset
                * `software_installation` - Software installation
                * `hardware_issue` - Hardware issue
                * `network_issue` - Network issue
                * `other` - Other
            created_by (int | None):
            assigned_to (int | None):
            team (int | None):
            source (TicketSourceEnum): * `api` - REST API or dashboard
                * `chat` - A chat thread (/ticket)
                * `chatbot` - The FAQ bot, escalating
                * `alert` - A monitoring alert (incident)
            auto_categorized (bool):
            confidence_score (float | None):
            needs_review (bool):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            resolved_at (datetime.datetime | None):
            closed_at (datetime.datetime | None):
            sla_state (SlaStateEnum): * `none` - No policy
                * `running` - Running
                * `paused` - Paused
                * `met` - Met
                * `breached` - Breached
            first_response_at (datetime.datetime | None):
            first_response_due (datetime.datetime | None):
            resolution_due (datetime.datetime | None):
            first_response_due_in (float | None): Seconds of running clock left to the first-response target (negative:
                overdue; null: none).
            resolution_due_in (float | None): Seconds of running clock left to the resolution target (negative: overdue;
                null: none).
            paused_seconds (int):
            first_response_breached_at (datetime.datetime | None):
            resolution_breached_at (datetime.datetime | None):
            alert (int | None):
            alert_count (int):
            recovered_at (datetime.datetime | None):
            chat_message (int | None):
     """

    id: int
    title: str
    description: str
    priority: PriorityEnum
    status: Status952Enum
    category: CategoryEnum
    created_by: int | None
    assigned_to: int | None
    team: int | None
    source: TicketSourceEnum
    auto_categorized: bool
    confidence_score: float | None
    needs_review: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    resolved_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    sla_state: SlaStateEnum
    first_response_at: datetime.datetime | None
    first_response_due: datetime.datetime | None
    resolution_due: datetime.datetime | None
    first_response_due_in: float | None
    resolution_due_in: float | None
    paused_seconds: int
    first_response_breached_at: datetime.datetime | None
    resolution_breached_at: datetime.datetime | None
    alert: int | None
    alert_count: int
    recovered_at: datetime.datetime | None
    chat_message: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        description = self.description

        priority: str = self.priority

        status: str = self.status

        category: str = self.category

        created_by: int | None
        created_by = self.created_by

        assigned_to: int | None
        assigned_to = self.assigned_to

        team: int | None
        team = self.team

        source: str = self.source

        auto_categorized = self.auto_categorized

        confidence_score: float | None
        confidence_score = self.confidence_score

        needs_review = self.needs_review

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        sla_state: str = self.sla_state

        first_response_at: None | str
        if isinstance(self.first_response_at, datetime.datetime):
            first_response_at = self.first_response_at.isoformat()
        else:
            first_response_at = self.first_response_at

        first_response_due: None | str
        if isinstance(self.first_response_due, datetime.datetime):
            first_response_due = self.first_response_due.isoformat()
        else:
            first_response_due = self.first_response_due

        resolution_due: None | str
        if isinstance(self.resolution_due, datetime.datetime):
            resolution_due = self.resolution_due.isoformat()
        else:
            resolution_due = self.resolution_due

        first_response_due_in: float | None
        first_response_due_in = self.first_response_due_in

        resolution_due_in: float | None
        resolution_due_in = self.resolution_due_in

        paused_seconds = self.paused_seconds

        first_response_breached_at: None | str
        if isinstance(self.first_response_breached_at, datetime.datetime):
            first_response_breached_at = self.first_response_breached_at.isoformat()
        else:
            first_response_breached_at = self.first_response_breached_at

        resolution_breached_at: None | str
        if isinstance(self.resolution_breached_at, datetime.datetime):
            resolution_breached_at = self.resolution_breached_at.isoformat()
        else:
            resolution_breached_at = self.resolution_breached_at

        alert: int | None
        alert = self.alert

        alert_count = self.alert_count

        recovered_at: None | str
        if isinstance(self.recovered_at, datetime.datetime):
            recovered_at = self.recovered_at.isoformat()
        else:
            recovered_at = self.recovered_at

        chat_message: int | None
        chat_message = self.chat_message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "description": description,
            "priority": priority,
            "status": status,
            "category": category,
            "created_by": created_by,
            "assigned_to": assigned_to,
            "team": team,
            "source": source,
            "auto_categorized": auto_categorized,
            "confidence_score": confidence_score,
            "needs_review": needs_review,
            "created_at": created_at,
            "updated_at": updated_at,
            "resolved_at": resolved_at,
            "closed_at": closed_at,
            "sla_state": sla_state,
            "first_response_at": first_response_at,
            "first_response_due": first_response_due,
            "resolution_due": resolution_due,
            "first_response_due_in": first_response_due_in,
            "resolution_due_in": resolution_due_in,
            "paused_seconds": paused_seconds,
            "first_response_breached_at": first_response_breached_at,
            "resolution_breached_at": resolution_breached_at,
            "alert": alert,
            "alert_count": alert_count,
            "recovered_at": recovered_at,
            "chat_message": chat_message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        description = d.pop("description")

        priority = check_priority_enum(d.pop("priority"))




        status = check_status_952_enum(d.pop("status"))




        category = check_category_enum(d.pop("category"))




        def _parse_created_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by = _parse_created_by(d.pop("created_by"))


        def _parse_assigned_to(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to"))


        def _parse_team(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        team = _parse_team(d.pop("team"))


        source = check_ticket_source_enum(d.pop("source"))




        auto_categorized = d.pop("auto_categorized")

        def _parse_confidence_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        confidence_score = _parse_confidence_score(d.pop("confidence_score"))


        needs_review = d.pop("needs_review")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        sla_state = check_sla_state_enum(d.pop("sla_state"))




        def _parse_first_response_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_response_at_type_0 = datetime.datetime.fromisoformat(data)



                return first_response_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_response_at = _parse_first_response_at(d.pop("first_response_at"))


        def _parse_first_response_due(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_response_due_type_0 = datetime.datetime.fromisoformat(data)



                return first_response_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_response_due = _parse_first_response_due(d.pop("first_response_due"))


        def _parse_resolution_due(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolution_due_type_0 = datetime.datetime.fromisoformat(data)



                return resolution_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolution_due = _parse_resolution_due(d.pop("resolution_due"))


        def _parse_first_response_due_in(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        first_response_due_in = _parse_first_response_due_in(d.pop("first_response_due_in"))


        def _parse_resolution_due_in(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        resolution_due_in = _parse_resolution_due_in(d.pop("resolution_due_in"))


        paused_seconds = d.pop("paused_seconds")

        def _parse_first_response_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_response_breached_at_type_0 = datetime.datetime.fromisoformat(data)



                return first_response_breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_response_breached_at = _parse_first_response_breached_at(d.pop("first_response_breached_at"))


        def _parse_resolution_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolution_breached_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolution_breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolution_breached_at = _parse_resolution_breached_at(d.pop("resolution_breached_at"))


        def _parse_alert(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        alert = _parse_alert(d.pop("alert"))


        alert_count = d.pop("alert_count")

        def _parse_recovered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recovered_at_type_0 = datetime.datetime.fromisoformat(data)



                return recovered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recovered_at = _parse_recovered_at(d.pop("recovered_at"))


        def _parse_chat_message(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        chat_message = _parse_chat_message(d.pop("chat_message"))


        ticket = cls(
            id=id,
            title=title,
            description=description,
            priority=priority,
            status=status,
            category=category,
            created_by=created_by,
            assigned_to=assigned_to,
            team=team,
            source=source,
            auto_categorized=auto_categorized,
            confidence_score=confidence_score,
            needs_review=needs_review,
            created_at=created_at,
            updated_at=updated_at,
            resolved_at=resolved_at,
            closed_at=closed_at,
            sla_state=sla_state,
            first_response_at=first_response_at,
            first_response_due=first_response_due,
            resolution_due=resolution_due,
            first_response_due_in=first_response_due_in,
            resolution_due_in=resolution_due_in,
            paused_seconds=paused_seconds,
            first_response_breached_at=first_response_breached_at,
            resolution_breached_at=resolution_breached_at,
            alert=alert,
            alert_count=alert_count,
            recovered_at=recovered_at,
            chat_message=chat_message,
        )


        ticket.additional_properties = d
        return ticket

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
