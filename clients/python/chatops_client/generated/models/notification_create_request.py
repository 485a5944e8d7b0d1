from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.format_enum import check_format_enum
from ..models.format_enum import FormatEnum
from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.recipients_request import RecipientsRequest





T = TypeVar("T", bound="NotificationCreateRequest")



@_attrs_define
class NotificationCreateRequest:
    """ 
        Attributes:
            subject (str):
            content (str): Markdown (or plain text with format=text).
            recipients (RecipientsRequest):
            type_ (str | Unset): What kind of notification this is (free text, filterable): e.g. message, maintenance,
                deploy. Default: 'message'.
            severity (SeverityEnum | Unset): * `info` - Info
                * `warning` - Warning
                * `critical` - Critical Default: 'info'.
            format_ (FormatEnum | Unset): * `markdown` - markdown
                * `text` - text Default: 'markdown'.
     """

    subject: str
    content: str
    recipients: RecipientsRequest
    type_: str | Unset = 'message'
    severity: SeverityEnum | Unset = 'info'
    format_: FormatEnum | Unset = 'markdown'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.recipients_request import RecipientsRequest # noqa: PLC0415
        subject = self.subject

        content = self.content

        recipients = self.recipients.to_dict()

        type_ = self.type_

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity


        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subject": subject,
            "content": content,
            "recipients": recipients,
        })
        if type_ is not UNSET:
            field_dict["type"] = type_
        if severity is not UNSET:
            field_dict["severity"] = severity
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipients_request import RecipientsRequest # noqa: PLC0415
        d = dict(src_dict)
        subject = d.pop("subject")

        content = d.pop("content")

        recipients = RecipientsRequest.from_dict(d.pop("recipients"))




        type_ = d.pop("type", UNSET)

        _severity = d.pop("severity", UNSET)
        severity: SeverityEnum | Unset
        if isinstance(_severity,  Unset):
            severity = UNSET
        else:
            severity = check_severity_enum(_severity)




        _format_ = d.pop("format", UNSET)
        format_: FormatEnum | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = check_format_enum(_format_)




        notification_create_request = cls(
            subject=subject,
            content=content,
            recipients=recipients,
            type_=type_,
            severity=severity,
            format_=format_,
        )


        notification_create_request.additional_properties = d
        return notification_create_request

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
