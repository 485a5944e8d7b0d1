"""Email from the hub: the provider an admin configured (``EmailProvider``: SMTP, or an API
provider through django-anymail), else Django's ``EMAIL_*`` settings; one message sent, and
what a failure means (``DeliveryError``, permanent or not).

A provider configured through the API is reached under ``chatops.net.guarded()``: its SMTP
host or API endpoint must be public unless the one switch allows private addresses. The
``EMAIL_*`` settings are the operator's own (a relay on localhost is common), so they are not.
anymail is imported where used (``get_connection`` takes the backend's dotted path).
"""

from __future__ import annotations

import base64
import smtplib
import ssl
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from chatops import crypto, net
from notifications.choices import EmailProviderKind, SmtpSecurity
from notifications.models import EmailProvider
from notifications.targets import DeliveryError

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_PORTS = {SmtpSecurity.NONE: 25, SmtpSecurity.STARTTLS: 587, SmtpSecurity.SSL: 465}


def _bearer(secrets: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {secrets['api_key']}"}


def _basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@dataclass(frozen=True)
class ESP:
    """An API provider: its anymail backend, the credentials (secret) and options (not) it
    takes as anymail's own setting names, and its cheapest authenticated call (a GET relative
    to its API URL, with the headers that authenticate it)."""

    name: str
    backend: str
    secrets: tuple[str, ...]
    options: tuple[str, ...] = ("api_url",)
    api_url: str = ""
    probe: Callable[[dict[str, str]], str] | None = None
    auth: Callable[[dict[str, str]], dict[str, str]] | None = None
    #: A package the backend needs beyond anymail (not installed: said so, not sent).
    needs: str = ""
    required_options: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return str(EmailProviderKind(self.name).label)

    def anymail_kwargs(self, secrets: dict[str, str], options: dict[str, str]) -> dict[str, Any]:
        if self.name == EmailProviderKind.AMAZON_SES:
            params = {
                "aws_access_key_id": secrets.get("access_key_id", ""),
                "aws_secret_access_key": secrets.get("secret_access_key", ""),
            }
            if options.get("region_name"):
                params["region_name"] = options["region_name"]
            return {"client_params": params}
        kwargs: dict[str, Any] = {name: secrets.get(name, "") for name in self.secrets}
        kwargs.update({name: options[name] for name in self.options if options.get(name)})
        return kwargs


ESPS: dict[str, ESP] = {
    esp.name: esp
    for esp in (
        ESP(
            "amazon_ses",
            "anymail.backends.amazon_ses.EmailBackend",
            secrets=("access_key_id", "secret_access_key"),
            options=("region_name",),
            needs="boto3",
        ),
        ESP(
            "brevo",
            "anymail.backends.brevo.EmailBackend",
            secrets=("api_key",),
            api_url="https://api.brevo.com/v3/",
            probe=lambda options: "account",
            auth=lambda s: {"api-key": s["api_key"]},
        ),
        ESP(
            "mailgun",
            "anymail.backends.mailgun.EmailBackend",
            secrets=("api_key",),
            options=("api_url", "sender_domain"),
            api_url="https://api.mailgun.net/v3/",
            probe=lambda o: f"domains/{quote(o['sender_domain'])}" if o.get("sender_domain") else "domains?limit=1",
            auth=lambda s: _basic("api", s["api_key"]),
        ),
        ESP(
            "mailjet",
            "anymail.backends.mailjet.EmailBackend",
            secrets=("api_key", "secret_key"),
            api_url="https://api.mailjet.com/v3.1/",
            probe=lambda options: "../v3/REST/user",
            auth=lambda s: _basic(s["api_key"], s["secret_key"]),
        ),
        ESP(
            "postmark",
            "anymail.backends.postmark.EmailBackend",
            secrets=("server_token",),
            api_url="https://api.postmarkapp.com/",
            probe=lambda options: "server",
            auth=lambda s: {"X-Postmark-Server-Token": s["server_token"]},
        ),
        ESP(
            "resend",
            "anymail.backends.resend.EmailBackend",
            secrets=("api_key",),
            api_url="https://api.resend.com/",
            probe=lambda options: "domains",
            auth=_bearer,
        ),
        ESP(
            "sendgrid",
            "anymail.backends.sendgrid.EmailBackend",
            secrets=("api_key",),
            api_url="https://api.sendgrid.com/v3/",
            probe=lambda options: "scopes",
            auth=_bearer,
        ),
        ESP(
            "sparkpost",
            "anymail.backends.sparkpost.EmailBackend",
            secrets=("api_key",),
            api_url="https://api.sparkpost.com/api/v1/",
            probe=lambda options: "account",
            auth=lambda s: {"Authorization": s["api_key"]},
        ),
    )
}


def current() -> EmailProvider | None:
    """The provider configured through the API; None: Django's ``EMAIL_*`` settings."""
    return EmailProvider.objects.filter(pk=EmailProvider.SINGLETON).first()


def timeout() -> float:
    return float(settings.NOTIFICATION_TIMEOUT_SECONDS)


def sender(provider: EmailProvider | None) -> str:
    return (provider.from_email if provider is not None else "") or settings.DEFAULT_FROM_EMAIL


def smtp_port(provider: EmailProvider) -> int:
    return provider.port or DEFAULT_PORTS.get(SmtpSecurity(provider.security or SmtpSecurity.STARTTLS), 587)


def connection(provider: EmailProvider | None) -> BaseEmailBackend:
    """A Django email backend for ``provider`` (not opened yet)."""
    if provider is None:
        return get_connection(fail_silently=False)
    if provider.provider == EmailProviderKind.SMTP:
        return get_connection(
            SMTP_BACKEND,
            fail_silently=False,
            host=provider.host,
            port=smtp_port(provider),
            username=provider.username,
            password=provider.password,
            use_tls=provider.security == SmtpSecurity.STARTTLS,
            use_ssl=provider.security == SmtpSecurity.SSL,
            timeout=timeout(),
        )
    esp = ESPS[provider.provider]
    return get_connection(
        esp.backend, fail_silently=False, timeout=timeout(), **esp.anymail_kwargs(provider.secrets, provider.options)
    )


def guard_for(provider: EmailProvider | None) -> Any:
    """The address guard around a send to ``provider`` (none for the operator's settings)."""
    return net.guarded() if provider is not None else nullcontext(None)


def send(to: str, subject: str, body: str, *, provider: EmailProvider | None) -> None:
    """Send one plain-text message to ``to``; ``DeliveryError`` says why it was not."""
    with guard_for(provider) as guard:
        try:
            message = EmailMessage(subject, body, sender(provider), [to], connection=connection(provider))
            message.send()
        except Exception as exc:  # whatever a backend raises is classified; none escapes raw
            raise failure(exc, guard, provider=provider, to=to) from None


def _redacted(text: str, provider: EmailProvider | None, to: str) -> str:
    secrets = [provider.password, *provider.secrets.values()] if provider is not None else []
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, crypto.mask(secret))
    if to:
        from notifications.channel_targets import mask_address

        text = text.replace(to, mask_address(to))
    return text[:500]


def smtp_reply(exc: smtplib.SMTPResponseException) -> str:
    error = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {error}".strip()


def failure(exc: BaseException, guard: net.Guard | None, *, provider: EmailProvider | None, to: str) -> DeliveryError:
    """What a failed send means: permanent (bad credentials, a refused address, a provider
    this hub cannot use, a private address) or worth retrying (timeouts, 4xx SMTP, 5xx API)."""
    if guard is not None and guard.refused:
        return DeliveryError(guard.refused[0][:500], permanent=True)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return DeliveryError(f"The SMTP server refused the login: {smtp_reply(exc)}"[:500], permanent=True)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        permanent = all(500 <= code < 600 for code in codes)
        return DeliveryError(
            _redacted(f"The SMTP server refused the recipient ({codes})", provider, to), permanent=permanent
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        permanent = 500 <= exc.smtp_code < 600
        return DeliveryError(
            _redacted(f"The SMTP server answered {smtp_reply(exc)}", provider, to), permanent=permanent
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError | ssl.SSLError):
        return DeliveryError(_redacted(f"SMTP: {exc}", provider, to), permanent=True)
    names = {cls.__name__ for cls in type(exc).__mro__}
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        permanent = 400 <= status < 500 and status not in (408, 425, 429)
        label = ESPS[provider.provider].label if provider is not None and provider.provider in ESPS else "The provider"
        return DeliveryError(_redacted(f"{label} answered HTTP {status}: {exc}", provider, to), permanent=permanent)
    if names & {"AnymailRecipientsRefused", "AnymailInvalidAddress", "AnymailConfigurationError"}:
        return DeliveryError(_redacted(str(exc), provider, to), permanent=True)
    if names & {"AnymailImproperlyInstalled", "ImproperlyConfigured", "ImportError"}:
        return DeliveryError(_redacted(f"Email is not set up right: {exc}", provider, to), permanent=True)
    if isinstance(exc, TimeoutError):
        return DeliveryError("The email server did not answer in time.", permanent=False)
    if isinstance(exc, ConnectionRefusedError):
        return DeliveryError("The email server refused the connection.", permanent=False)
    return DeliveryError(_redacted(f"{type(exc).__name__}: {exc}", provider, to), permanent=False)
