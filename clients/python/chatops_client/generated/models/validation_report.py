from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_8d1_enum import check_provider_8d1_enum
from ..models.provider_8d1_enum import Provider8D1Enum
from typing import cast

if TYPE_CHECKING:
  from ..models.step import Step





T = TypeVar("T", bound="ValidationReport")



@_attrs_define
class ValidationReport:
    """ 
        Attributes:
            ok (bool): Every step passed.
            provider (Provider8D1Enum): * `environment` - The EMAIL_* settings
                * `smtp` - SMTP server
                * `amazon_ses` - Amazon SES
                * `brevo` - Brevo
                * `mailgun` - Mailgun
                * `mailjet` - Mailjet
                * `postmark` - Postmark
                * `resend` - Resend
                * `sendgrid` - SendGrid
                * `sparkpost` - SparkPost
            steps (list[Step]): What was checked, in order, up to the first failure.
            sent_to (None | str): The test address (masked) a message went to; null: none sent.
     """

    ok: bool
    provider: Provider8D1Enum
    steps: list[Step]
    sent_to: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.step import Step # noqa: PLC0415
        ok = self.ok

        provider: str = self.provider

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        sent_to: None | str
        sent_to = self.sent_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ok": ok,
            "provider": provider,
            "steps": steps,
            "sent_to": sent_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step import Step # noqa: PLC0415
        d = dict(src_dict)
        ok = d.pop("ok")

        provider = check_provider_8d1_enum(d.pop("provider"))




        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = Step.from_dict(steps_item_data)



            steps.append(steps_item)


        def _parse_sent_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sent_to = _parse_sent_to(d.pop("sent_to"))


        validation_report = cls(
            ok=ok,
            provider=provider,
            steps=steps,
            sent_to=sent_to,
        )


        validation_report.additional_properties = d
        return validation_report

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
