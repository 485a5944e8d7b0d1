"""Checking an email configuration without sending mail: SMTP connects, starts TLS and signs
in; an API provider answers its cheapest authenticated call. A message is sent only when a
test address is given, and only once every check passed."""

from __future__ import annotations

import importlib.util
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from chatops import net
from notifications import mail
from notifications.channel_targets import mask_address
from notifications.choices import EmailProviderKind, SmtpSecurity
from notifications.models import EmailProvider
from notifications.targets import DeliveryError

#: Steps a check reports, in order.
STEPS = ("configuration", "connect", "tls", "login", "authenticate", "send")
TEST_SUBJECT = "ChatOps: test email"
TEST_BODY = "This is a test from your ChatOps hub's email settings. If you read it, email works."


@dataclass(frozen=True)
class Step:
    step: str
    ok: bool
    detail: str


@dataclass
class Report:
    provider: str
    steps: list[Step] = field(default_factory=list)
    sent_to: str = ""

    @property
    def ok(self) -> bool:
        return all(step.ok for step in self.steps)

    @property
    def failed(self) -> Step | None:
        return next((step for step in self.steps if not step.ok), None)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, net.RefusedAddress):
        return str(exc)
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "the host does not resolve"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted: {exc.verify_message}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return mail.smtp_reply(exc)
    return f"{type(exc).__name__}: {exc}"[:300]


def smtp_steps(host: str, port: int, security: str, username: str, password: str, *, timeout: float) -> list[Step]:
    """Connect, start TLS where asked, sign in where a username is given; stop at the first
    failure. No message is sent."""
    context = ssl.create_default_context()
    where = f"{host}:{port}"
    try:
        if security == SmtpSecurity.SSL:
            conn: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            conn = smtplib.SMTP(host, port, timeout=timeout)
    except (OSError, smtplib.SMTPException) as exc:
        return [Step("connect", False, f"{where}: {_describe(exc)}")]
    steps = [Step("connect", True, f"{where} answered" + (" over TLS" if security == SmtpSecurity.SSL else ""))]
    try:
        if security == SmtpSecurity.STARTTLS:
            try:
                conn.starttls(context=context)
            except (OSError, smtplib.SMTPException) as exc:
                steps.append(Step("tls", False, f"STARTTLS failed: {_describe(exc)}"))
                return steps
            steps.append(Step("tls", True, "STARTTLS: the certificate is valid for the host"))
        if username:
            try:
                conn.login(username, password)
            except smtplib.SMTPAuthenticationError as exc:
                steps.append(Step("login", False, f"The server refused the login: {mail.smtp_reply(exc)}"))
                return steps
            except (OSError, smtplib.SMTPException) as exc:
                steps.append(Step("login", False, f"Could not sign in: {_describe(exc)}"))
                return steps
            steps.append(Step("login", True, f"Signed in as {username}"))
        return steps
    finally:
        try:
            conn.quit()
        except (OSError, smtplib.SMTPException):
            conn.close()


def esp_steps(esp: mail.ESP, secrets: dict[str, str], options: dict[str, Any], *, timeout: float) -> list[Step]:
    """The provider's cheapest authenticated call, or what stands in the way of making it."""
    missing = [name for name in esp.secrets if not secrets.get(name)]
    if missing:
        return [Step("configuration", False, f"Missing {', '.join(missing)}.")]
    if esp.needs and importlib.util.find_spec(esp.needs) is None:
        return [Step("configuration", False, f"{esp.label} needs the {esp.needs} package, which this hub lacks.")]
    if esp.probe is None or esp.auth is None:
        return _boto_steps(esp, secrets, options, timeout=timeout)
    url = urljoin(str(options.get("api_url") or esp.api_url).rstrip("/") + "/", esp.probe(options))
    headers = {"Accept": "application/json", "User-Agent": f"ChatOps/{settings.VERSION}", **esp.auth(secrets)}
    answer = net.request(
        "GET", url, None, headers, timeout=timeout, allow_private=net.private_allowed(), body_limit=2048
    )
    parts = urlsplit(url)
    call = f"GET {parts.scheme}://{parts.netloc}{parts.path}"
    if answer.status_code is None:
        return [Step("connect", False, f"{call}: {answer.error}")]
    steps = [Step("connect", True, f"{parts.netloc} answered")]
    code = answer.status_code
    if 200 <= code < 300:
        steps.append(Step("authenticate", True, f"{call} answered {code}: {esp.label} accepted the credentials."))
    elif code == 403 or (code == 401 and "restricted" in answer.body.lower()):
        steps.append(
            Step(
                "authenticate",
                True,
                f"{call} answered {code}: the credentials are valid but may not read this (a sending-only "
                "key?); give a test_address to check sending.",
            )
        )
    elif code == 401:
        steps.append(Step("authenticate", False, f"{call} answered 401: {esp.label} refused the credentials."))
    else:
        steps.append(Step("authenticate", False, f"{call} answered {code}."))
    return steps


def _boto_steps(esp: mail.ESP, secrets: dict[str, str], options: dict[str, Any], *, timeout: float) -> list[Step]:
    """Amazon SES: its account (``sesv2 get_account``) through boto3, under the address guard."""
    import boto3  # type: ignore[import-not-found,unused-ignore]  # only with the package present

    params = esp.anymail_kwargs(secrets, options)["client_params"]
    with net.guarded() as guard:
        try:
            boto3.client("sesv2", **params).get_account()
        except Exception as exc:
            reason = guard.refused[0] if guard.refused else f"{type(exc).__name__}: {exc}"[:300]
            return [Step("authenticate", False, f"sesv2 GetAccount: {reason}")]
    return [Step("authenticate", True, "sesv2 GetAccount answered: Amazon SES accepted the credentials.")]


def _environment_steps() -> list[Step]:
    backend = settings.EMAIL_BACKEND
    if backend == mail.SMTP_BACKEND:
        security = (
            SmtpSecurity.SSL if settings.EMAIL_USE_SSL else SmtpSecurity.STARTTLS if settings.EMAIL_USE_TLS else "none"
        )
        return smtp_steps(
            settings.EMAIL_HOST,
            int(settings.EMAIL_PORT),
            security,
            settings.EMAIL_HOST_USER,
            settings.EMAIL_HOST_PASSWORD,
            timeout=float(settings.EMAIL_TIMEOUT or mail.timeout()),
        )
    return [
        Step(
            "configuration",
            True,
            f"EMAIL_BACKEND is {backend}: nothing to connect to or sign in with here; give a test_address "
            "to send through it.",
        )
    ]


def check(provider: EmailProvider | None, *, test_address: str = "") -> Report:
    """Check ``provider`` (None: the ``EMAIL_*`` settings), then send to ``test_address`` if
    given and every check passed."""
    if provider is None:
        report = Report("environment", _environment_steps())
    elif provider.provider == EmailProviderKind.SMTP:
        with net.guarded():
            steps = smtp_steps(
                provider.host,
                mail.smtp_port(provider),
                provider.security,
                provider.username,
                provider.password,
                timeout=mail.timeout(),
            )
        report = Report(provider.provider, steps)
    else:
        esp = mail.ESPS[provider.provider]
        report = Report(provider.provider, esp_steps(esp, provider.secrets, provider.options, timeout=mail.timeout()))
    if test_address and report.ok:
        try:
            mail.send(test_address, TEST_SUBJECT, TEST_BODY, provider=provider)
        except DeliveryError as exc:
            report.steps.append(Step("send", False, str(exc)))
        else:
            report.sent_to = mask_address(test_address)
            report.steps.append(Step("send", True, f"Sent a test message to {report.sent_to}."))
    return report
