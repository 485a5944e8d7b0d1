"""The hub's email provider over REST (admins): ``GET``/``PUT /clients/email-providers`` and
``POST /clients/email-providers/validate``. Secrets are taken in clear, kept encrypted and
only ever shown masked. Views route; ``notifications.services.email_provider`` decides."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.permissions import IsAdmin
from accounts.summary import UserSummarySerializer
from chatops import crypto
from chatops.api.envelope import envelope
from chatops.api.fields import StrictCharField, StrictEmailField, StrictRegexField
from notifications import mail, mail_check
from notifications.choices import EmailProviderKind, SmtpSecurity
from notifications.models import EmailProvider
from notifications.services import email_provider as services
from notifications.services.email_provider import ENVIRONMENT

PROVIDER_CHOICES = [(ENVIRONMENT, "The EMAIL_* settings"), *EmailProviderKind.choices]
HOST_PATTERN = r"^[A-Za-z0-9]([A-Za-z0-9.:-]{0,251}[A-Za-z0-9])?$"


class OptionsSerializer(serializers.Serializer[Any]):
    """An API provider's settings that are not secret (which apply: see each provider)."""

    api_url = StrictCharField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text="The provider's API base URL (Mailgun's EU region: https://api.eu.mailgun.net/v3). "
        "Default: the provider's own.",
    )
    sender_domain = StrictCharField(max_length=253, required=False, allow_blank=True, help_text="Mailgun.")
    region_name = StrictCharField(max_length=32, required=False, allow_blank=True, help_text="Amazon SES.")


class EmailProviderWriteSerializer(serializers.Serializer[Any]):
    provider = serializers.ChoiceField(
        choices=PROVIDER_CHOICES,
        help_text="smtp, an API provider (through django-anymail), or environment: forget the stored "
        "configuration and use the EMAIL_* settings.",
    )
    from_email = StrictCharField(
        max_length=254, required=False, allow_blank=True, help_text="The sender. Default: DEFAULT_FROM_EMAIL."
    )
    host = StrictRegexField(
        HOST_PATTERN, max_length=253, required=False, help_text="SMTP: the server's host name or address."
    )
    port = serializers.IntegerField(
        min_value=1, max_value=65535, required=False, allow_null=True, help_text="SMTP. Default: 587, 465 or 25."
    )
    security = serializers.ChoiceField(choices=SmtpSecurity.choices, required=False, help_text="SMTP.")
    username = StrictCharField(max_length=254, required=False, allow_blank=True, help_text="SMTP.")
    password = StrictCharField(
        max_length=500,
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="SMTP. Omit it to keep the stored one (same provider); empty: none.",
    )
    credentials = serializers.DictField(
        child=StrictCharField(max_length=500),
        required=False,
        write_only=True,
        help_text="API providers' secrets, by anymail's names: "
        + "; ".join(f"{esp.name}: {', '.join(esp.secrets)}" for esp in mail.ESPS.values())
        + ". One omitted keeps the stored one (same provider).",
    )
    options = OptionsSerializer(required=False)

    def validate_from_email(self, value: str) -> str:
        if value:
            _, address = parseaddr(value)
            try:
                validate_email(address)
            except DjangoValidationError:
                raise serializers.ValidationError("Enter an address, or Name <address>.") from None
        return value


class EmailProviderValidateSerializer(EmailProviderWriteSerializer):
    provider = serializers.ChoiceField(
        choices=PROVIDER_CHOICES,
        required=False,
        help_text="Check this configuration (as for PUT) instead of the one in use; nothing is saved.",
    )
    test_address = StrictEmailField(
        required=False,
        help_text="Send a test message here once every check passed. Without it no mail is sent.",
    )


class EmailProviderSerializer(serializers.Serializer[Any]):
    """The email configuration in use: secrets masked."""

    provider = serializers.ChoiceField(choices=PROVIDER_CHOICES, read_only=True)
    backend = serializers.CharField(read_only=True, help_text="The Django email backend that sends.")
    from_email = serializers.CharField(read_only=True, help_text="The sender used.")
    host = serializers.CharField(read_only=True, allow_null=True)
    port = serializers.IntegerField(read_only=True, allow_null=True)
    security = serializers.ChoiceField(choices=SmtpSecurity.choices, read_only=True, allow_null=True)
    username = serializers.CharField(read_only=True, allow_null=True)
    password = serializers.CharField(read_only=True, help_text="Masked; empty: none.")
    credentials = serializers.DictField(
        child=serializers.CharField(), read_only=True, help_text="An API provider's secrets, masked."
    )
    options = serializers.DictField(child=serializers.CharField(), read_only=True)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_by = UserSummarySerializer(read_only=True, allow_null=True)

    def to_representation(self, instance: EmailProvider | None) -> dict[str, Any]:
        return describe(instance)


def describe(config: EmailProvider | None) -> dict[str, Any]:
    if config is None:
        smtp = settings.EMAIL_BACKEND == mail.SMTP_BACKEND
        security = "ssl" if settings.EMAIL_USE_SSL else "starttls" if settings.EMAIL_USE_TLS else "none"
        return {
            "provider": ENVIRONMENT,
            "backend": settings.EMAIL_BACKEND,
            "from_email": mail.sender(None),
            "host": settings.EMAIL_HOST if smtp else None,
            "port": int(settings.EMAIL_PORT) if smtp else None,
            "security": security if smtp else None,
            "username": settings.EMAIL_HOST_USER if smtp else None,
            "password": crypto.mask(settings.EMAIL_HOST_PASSWORD) if smtp else "",
            "credentials": {},
            "options": {},
            "updated_at": None,
            "updated_by": None,
        }
    smtp = config.provider == EmailProviderKind.SMTP
    return {
        "provider": config.provider,
        "backend": mail.SMTP_BACKEND if smtp else mail.ESPS[config.provider].backend,
        "from_email": mail.sender(config),
        "host": config.host if smtp else None,
        "port": mail.smtp_port(config) if smtp else None,
        "security": config.security if smtp else None,
        "username": config.username if smtp else None,
        "password": crypto.mask(config.password) if smtp else "",
        "credentials": {name: crypto.mask(value) for name, value in config.secrets.items()},
        "options": {name: str(value) for name, value in config.options.items()},
        "updated_at": config.updated_at,
        "updated_by": UserSummarySerializer(config.updated_by).data if config.updated_by else None,
    }


class StepSerializer(serializers.Serializer[Any]):
    step = serializers.ChoiceField(choices=[(step, step) for step in mail_check.STEPS])
    ok = serializers.BooleanField()
    detail = serializers.CharField()


class ValidationReportSerializer(serializers.Serializer[Any]):
    ok = serializers.BooleanField(read_only=True, help_text="Every step passed.")
    provider = serializers.ChoiceField(choices=PROVIDER_CHOICES, read_only=True)
    steps = StepSerializer(many=True, read_only=True, help_text="What was checked, in order, up to the first failure.")
    sent_to = serializers.CharField(
        read_only=True, allow_null=True, help_text="The test address (masked) a message went to; null: none sent."
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {
            "ok": instance.ok,
            "provider": instance.provider,
            "steps": [{"step": s.step, "ok": s.ok, "detail": s.detail} for s in instance.steps],
            "sent_to": instance.sent_to or None,
        }


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    options = data.pop("options", None)
    if options is not None:
        data["options"] = dict(options)
    return data


@extend_schema(tags=["notifications"])
class EmailProviderView(APIView):
    """How the hub sends email: SMTP, an API provider, or the EMAIL_* settings (admins)."""

    permission_classes = [IsAdmin]

    @extend_schema(responses={200: EmailProviderSerializer}, summary="The email configuration in use (masked)")
    def get(self, request: Request) -> Response:
        return Response(envelope(describe(mail.current())))

    @extend_schema(
        request=EmailProviderWriteSerializer,
        responses={200: EmailProviderSerializer},
        summary="Replace the email configuration",
    )
    def put(self, request: Request) -> Response:
        body = EmailProviderWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        config = services.update_email_provider(Actor.from_request(request), **_fields(dict(body.validated_data)))
        return Response(envelope(describe(config), "Email configuration saved"))


@extend_schema(tags=["notifications"])
class EmailProviderValidateView(APIView):
    permission_classes = [IsAdmin]
    throttle_scope = "outgoing"

    @extend_schema(
        request=EmailProviderValidateSerializer,
        responses={200: ValidationReportSerializer},
        summary="Connect and authenticate (SMTP login, or the API provider's cheapest authenticated "
        "call); send a test message only to test_address",
    )
    def post(self, request: Request) -> Response:
        body = EmailProviderValidateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = _fields(dict(body.validated_data))
        test_address = fields.pop("test_address", "")
        report = services.validate_email_provider(Actor.from_request(request), test_address=test_address, **fields)
        failed = report.failed
        message = (
            "Email works" if report.ok else f"Email check failed at {failed.step}: {failed.detail}" if failed else ""
        )
        return Response(envelope(ValidationReportSerializer(report).data, message))
