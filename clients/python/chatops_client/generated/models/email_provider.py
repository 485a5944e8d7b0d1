from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_8d1_enum import check_provider_8d1_enum
from ..models.provider_8d1_enum import Provider8D1Enum
from ..models.security_enum import check_security_enum
from ..models.security_enum import SecurityEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.email_provider_credentials import EmailProviderCredentials
  from ..models.email_provider_options import EmailProviderOptions
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="EmailProvider")



@_attrs_define
class EmailProvider:
    """ The email configuration in use: secrets masked.

        Attributes:
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
            backend (str): The Django email backend that sends.
            from_email (str): The sender used.
            host (None | str):
            port (int | None):
            security (None | SecurityEnum):
            username (None | str):
            password (str): Masked; empty: none.
            credentials (EmailProviderCredentials): An API provider's secrets, masked.
            options (EmailProviderOptions):
            updated_at (datetime.datetime | None):
            updated_by (None | UserSummary):
     """

    provider: Provider8D1Enum
    backend: str
    from_email: str
    host: None | str
    port: int | None
    security: None | SecurityEnum
    username: None | str
    password: str
    credentials: EmailProviderCredentials
    options: EmailProviderOptions
    updated_at: datetime.datetime | None
    updated_by: None | UserSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.email_provider_credentials import EmailProviderCredentials # noqa: PLC0415
        from ..models.email_provider_options import EmailProviderOptions # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        provider: str = self.provider

        backend = self.backend

        from_email = self.from_email

        host: None | str
        host = self.host

        port: int | None
        port = self.port

        security: None | str
        if isinstance(self.security, str):
            security = self.security
        else:
            security = self.security

        username: None | str
        username = self.username

        password = self.password

        credentials = self.credentials.to_dict()

        options = self.options.to_dict()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: dict[str, Any] | None
        if isinstance(self.updated_by, UserSummary):
            updated_by = self.updated_by.to_dict()
        else:
            updated_by = self.updated_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "provider": provider,
            "backend": backend,
            "from_email": from_email,
            "host": host,
            "port": port,
            "security": security,
            "username": username,
            "password": password,
            "credentials": credentials,
            "options": options,
            "updated_at": updated_at,
            "updated_by": updated_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_provider_credentials import EmailProviderCredentials # noqa: PLC0415
        from ..models.email_provider_options import EmailProviderOptions # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        provider = check_provider_8d1_enum(d.pop("provider"))




        backend = d.pop("backend")

        from_email = d.pop("from_email")

        def _parse_host(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        host = _parse_host(d.pop("host"))


        def _parse_port(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        port = _parse_port(d.pop("port"))


        def _parse_security(data: object) -> None | SecurityEnum:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                security_type_0 = check_security_enum(data)



                return security_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SecurityEnum, data)

        security = _parse_security(d.pop("security"))


        def _parse_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        username = _parse_username(d.pop("username"))


        password = d.pop("password")

        credentials = EmailProviderCredentials.from_dict(d.pop("credentials"))




        options = EmailProviderOptions.from_dict(d.pop("options"))




        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        def _parse_updated_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                updated_by_type_1 = UserSummary.from_dict(data)



                return updated_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))


        email_provider = cls(
            provider=provider,
            backend=backend,
            from_email=from_email,
            host=host,
            port=port,
            security=security,
            username=username,
            password=password,
            credentials=credentials,
            options=options,
            updated_at=updated_at,
            updated_by=updated_by,
        )


        email_provider.additional_properties = d
        return email_provider

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
