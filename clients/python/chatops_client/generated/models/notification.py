from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_status_enum import check_notification_status_enum
from ..models.notification_status_enum import NotificationStatusEnum
from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.delivery_counts import DeliveryCounts
  from ..models.notification_recipients import NotificationRecipients
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="Notification")



@_attrs_define
class Notification:
    """ 
        Attributes:
            id (int):
            type_ (str):
            severity (SeverityEnum): * `info` - Info
                * `warning` - Warning
                * `critical` - Critical
            subject (str):
            content (str):
            content_text (str): content as plain text.
            content_html (str): content as safe HTML.
            recipients (NotificationRecipients): The recipients as they were asked for.
            data (Any): Machine-readable details (an alert group's alerts, …).
            status (NotificationStatusEnum): * `pending` - Pending
                * `sent` - Sent
                * `partial` - Partially failed
                * `failed` - Failed
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            finished_at (datetime.datetime | None): When its last delivery was final; null while any is pending or held.
            deliveries_count (DeliveryCounts):
     """

    id: int
    type_: str
    severity: SeverityEnum
    subject: str
    content: str
    content_text: str
    content_html: str
    recipients: NotificationRecipients
    data: Any
    status: NotificationStatusEnum
    created_by: None | UserSummary
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    deliveries_count: DeliveryCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_counts import DeliveryCounts # noqa: PLC0415
        from ..models.notification_recipients import NotificationRecipients # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        type_ = self.type_

        severity: str = self.severity

        subject = self.subject

        content = self.content

        content_text = self.content_text

        content_html = self.content_html

        recipients = self.recipients.to_dict()

        data = self.data

        status: str = self.status

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        deliveries_count = self.deliveries_count.to_dict()


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
            "recipients": recipients,
            "data": data,
            "status": status,
            "created_by": created_by,
            "created_at": created_at,
            "finished_at": finished_at,
            "deliveries_count": deliveries_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_counts import DeliveryCounts # noqa: PLC0415
        from ..models.notification_recipients import NotificationRecipients # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        severity = check_severity_enum(d.pop("severity"))




        subject = d.pop("subject")

        content = d.pop("content")

        content_text = d.pop("content_text")

        content_html = d.pop("content_html")

        recipients = NotificationRecipients.from_dict(d.pop("recipients"))




        data = d.pop("data")

        status = check_notification_status_enum(d.pop("status"))




        def _parse_created_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_1 = UserSummary.from_dict(data)



                return created_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        created_by = _parse_created_by(d.pop("created_by"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        deliveries_count = DeliveryCounts.from_dict(d.pop("deliveries_count"))




        notification = cls(
            id=id,
            type_=type_,
            severity=severity,
            subject=subject,
            content=content,
            content_text=content_text,
            content_html=content_html,
            recipients=recipients,
            data=data,
            status=status,
            created_by=created_by,
            created_at=created_at,
            finished_at=finished_at,
            deliveries_count=deliveries_count,
        )


        notification.additional_properties = d
        return notification

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
