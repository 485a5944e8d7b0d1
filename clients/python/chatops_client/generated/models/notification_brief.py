from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from typing import cast
import datetime






T = TypeVar("T", bound="NotificationBrief")



@_attrs_define
class NotificationBrief:
    """ 
        Attributes:
            id (int):
            type_ (str):
            severity (SeverityEnum): * `info` - Info
                * `warning` - Warning
                * `critical` - Critical
            subject (str):
            content (str):
            content_text (str):
            content_html (str): Safe to insert as HTML.
            data (Any):
            created_at (datetime.datetime):
     """

    id: int
    type_: str
    severity: SeverityEnum
    subject: str
    content: str
    content_text: str
    content_html: str
    data: Any
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        severity: str = self.severity

        subject = self.subject

        content = self.content

        content_text = self.content_text

        content_html = self.content_html

        data = self.data

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "type": type_,
            "severity": severity,
            "subject": subject,
            "content": content,
            "content_text": content_text,
            "content_html": content_html,
            "data": data,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        severity = check_severity_enum(d.pop("severity"))




        subject = d.pop("subject")

        content = d.pop("content")

        content_text = d.pop("content_text")

        content_html = d.pop("content_html")

        data = d.pop("data")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        notification_brief = cls(
            id=id,
            type_=type_,
            severity=severity,
            subject=subject,
            content=content,
            content_text=content_text,
            content_html=content_html,
            data=data,
            created_at=created_at,
        )


        notification_brief.additional_properties = d
        return notification_brief

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
