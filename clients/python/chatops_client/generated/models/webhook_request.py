from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.events_enum import check_events_enum
from ..models.events_enum import EventsEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookRequest")



@_attrs_define
class WebhookRequest:
    """ 
        Attributes:
            url (str): Where events are POSTed: http(s), resolving to public addresses only (unless the hub sets
                OUTGOING_ALLOW_PRIVATE or WEBHOOK_ALLOW_PRIVATE).
            events (list[EventsEnum]): The events to send; at least one.
            secret (str | Unset): Signs every delivery. Omit it on creation to have one generated; it is shown in the
                creation response only. Give it on update to replace it.
            enabled (bool | Unset):
     """

    url: str
    events: list[EventsEnum]
    secret: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item: str = events_item_data
            events.append(events_item)



        secret = self.secret

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "events": events,
        })
        if secret is not UNSET:
            field_dict["secret"] = secret
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = check_events_enum(events_item_data)



            events.append(events_item)


        secret = d.pop("secret", UNSET)

        enabled = d.pop("enabled", UNSET)

        webhook_request = cls(
            url=url,
            events=events,
            secret=secret,
            enabled=enabled,
        )


        webhook_request.additional_properties = d
        return webhook_request

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
