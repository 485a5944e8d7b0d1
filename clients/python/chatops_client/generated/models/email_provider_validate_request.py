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
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.email_provider_validate_request_credentials import EmailProviderValidateRequestCredentials
  from ..models.options_request import OptionsRequest





T = TypeVar("T", bound="EmailProviderValidateRequest")



@_attrs_define
class EmailProviderValidateRequest:
    """ 
        Attributes:
            provider (Provider8D1Enum | Unset): * `environment` - The EMAIL_* settings
                * `smtp` - SMTP server
                * `amazon_ses` - Amazon SES
                * `brevo` - Brevo
                * `mailgun` - Mailgun
                * `mailjet` - Mailjet
                * `postmark` - Postmark
                * `resend` - Resend
                * `sendgrid` - SendGrid
                * `sparkpost` - SparkPost
            from_email (str | Unset): The sender. Default: DEFAULT_FROM_EMAIL.
            host (str | Unset): SMTP: the server's host name or address.
            port (int | None | Unset): SMTP. Default: 587, 465 or 25.
            security (SecurityEnum | Unset): * `none` - None (plain SMTP)
                * `starttls` - STARTTLS
                * `ssl` - TLS from the start (SMTPS)
            username (str | Unset): SMTP.
            password (str | Unset): SMTP. Omit it to keep the stored one (same provider); empty: none.
            credentials (EmailProviderValidateRequestCredentials | Unset): API providers' secrets, by anymail's names:
                amazon_ses: access_key_id, secret_access_key; brevo: api_key; mailgun: api_key; mailjet: api_key, secret_key;
                postmark: server_token; resend: api_key; sendgrid: api_key; sparkpost: api_key. One omitted keeps the stored one
                (same provider).
            options (OptionsRequest | Unset): An API provider's settings that are not secret (which apply: see each
                provider).
            test_address (str | Unset): Send a test message here once every check passed. Without it no mail is sent.
     """

    provider: Provider8D1Enum | Unset = UNSET
    from_email: str | Unset = UNSET
    host: str | Unset = UNSET
    port: int | None | Unset = UNSET
    security: SecurityEnum | Unset = UNSET
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    credentials: EmailProviderValidateRequestCredentials | Unset = UNSET
    options: OptionsRequest | Unset = UNSET
    test_address: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.email_provider_validate_request_credentials import EmailProviderValidateRequestCredentials # noqa: PLC0415
        from ..models.options_request import OptionsRequest # noqa: PLC0415
        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider


        from_email = self.from_email

        host = self.host

        port: int | None | Unset
        if isinstance(self.port, Unset):
            port = UNSET
        else:
            port = self.port

        security: str | Unset = UNSET
        if not isinstance(self.security, Unset):
            security = self.security


        username = self.username

        password = self.password

        credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials.to_dict()

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        test_address = self.test_address


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if provider is not UNSET:
            field_dict["provider"] = provider
        if from_email is not UNSET:
            field_dict["from_email"] = from_email
        if host is not UNSET:
            field_dict["host"] = host
        if port is not UNSET:
            field_dict["port"] = port
        if security is not UNSET:
            field_dict["security"] = security
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if options is not UNSET:
            field_dict["options"] = options
        if test_address is not UNSET:
            field_dict["test_address"] = test_address

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_provider_validate_request_credentials import EmailProviderValidateRequestCredentials # noqa: PLC0415
        from ..models.options_request import OptionsRequest # noqa: PLC0415
        d = dict(src_dict)
        _provider = d.pop("provider", UNSET)
        provider: Provider8D1Enum | Unset
        if isinstance(_provider,  Unset):
            provider = UNSET
        else:
            provider = check_provider_8d1_enum(_provider)




        from_email = d.pop("from_email", UNSET)

        host = d.pop("host", UNSET)

        def _parse_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        port = _parse_port(d.pop("port", UNSET))


        _security = d.pop("security", UNSET)
        security: SecurityEnum | Unset
        if isinstance(_security,  Unset):
            security = UNSET
        else:
            security = check_security_enum(_security)




        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        _credentials = d.pop("credentials", UNSET)
        credentials: EmailProviderValidateRequestCredentials | Unset
        if isinstance(_credentials,  Unset):
            credentials = UNSET
        else:
            credentials = EmailProviderValidateRequestCredentials.from_dict(_credentials)




        _options = d.pop("options", UNSET)
        options: OptionsRequest | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = OptionsRequest.from_dict(_options)




        test_address = d.pop("test_address", UNSET)

        email_provider_validate_request = cls(
            provider=provider,
            from_email=from_email,
            host=host,
            port=port,
            security=security,
            username=username,
            password=password,
            credentials=credentials,
            options=options,
            test_address=test_address,
        )


        email_provider_validate_request.additional_properties = d
        return email_provider_validate_request

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
