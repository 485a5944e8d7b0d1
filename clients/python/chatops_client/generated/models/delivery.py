from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_verdict_enum import check_delivery_verdict_enum
from ..models.delivery_verdict_enum import DeliveryVerdictEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Delivery")



@_attrs_define
class Delivery:
    """ 
        Attributes:
            id (int):
            delivery_id (str):
            event (str):
            verdict (DeliveryVerdictEnum): * `accepted` - Accepted
                * `duplicate` - Duplicate (already received)
                * `bad_signature` - Bad signature
                * `unknown_event` - Unknown event
                * `invalid` - Invalid payload
                * `filtered` - Repository not in the integration's filter
            reason (str):
            headers (Any):
            body (str):
            received_at (datetime.datetime):
            processed_at (datetime.datetime | None):
            process_error (str):
     """

    id: int
    delivery_id: str
    event: str
    verdict: DeliveryVerdictEnum
    reason: str
    headers: Any
    body: str
    received_at: datetime.datetime
    processed_at: datetime.datetime | None
    process_error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        delivery_id = self.delivery_id

        event = self.event

        verdict: str = self.verdict

        reason = self.reason

        headers = self.headers

        body = self.body

        received_at = self.received_at.isoformat()

        processed_at: None | str
        if isinstance(self.processed_at, datetime.datetime):
            processed_at = self.processed_at.isoformat()
        else:
            processed_at = self.processed_at

        process_error = self.process_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "delivery_id": delivery_id,
            "event": event,
            "verdict": verdict,
            "reason": reason,
            "headers": headers,
            "body": body,
            "received_at": received_at,
            "processed_at": processed_at,
            "process_error": process_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        delivery_id = d.pop("delivery_id")

        event = d.pop("event")

        verdict = check_delivery_verdict_enum(d.pop("verdict"))




        reason = d.pop("reason")

        headers = d.pop("headers")

        body = d.pop("body")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        def _parse_processed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                processed_at_type_0 = datetime.datetime.fromisoformat(data)



                return processed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        processed_at = _parse_processed_at(d.pop("processed_at"))


        process_error = d.pop("process_error")

        delivery = cls(
            id=id,
            delivery_id=delivery_id,
            event=event,
            verdict=verdict,
            reason=reason,
            headers=headers,
            body=body,
            received_at=received_at,
            processed_at=processed_at,
            process_error=process_error,
        )


        delivery.additional_properties = d
        return delivery

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
