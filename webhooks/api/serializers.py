from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from chatops import net
from chatops.api.fields import StrictCharField, StrictModelSerializer
from webhooks.choices import delivery_event_choices, event_choices
from webhooks.models import MAX_URL_LENGTH, Delivery, DeliveryAttempt, Webhook

_url_syntax = URLValidator(schemes=list(net.ALLOWED_SCHEMES))


@extend_schema_field(
    {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]", "maxLength": MAX_URL_LENGTH}
)
class WebhookURLField(StrictCharField):
    """An http(s) URL; the schema says as much as OpenAPI can (the host must also resolve to
    public addresses, which only the hub can check)."""


class WebhookSerializer(StrictModelSerializer):
    url = WebhookURLField(
        max_length=MAX_URL_LENGTH,
        help_text="Where events are POSTed: http(s), resolving to public addresses only "
        "(unless the hub sets OUTGOING_ALLOW_PRIVATE or WEBHOOK_ALLOW_PRIVATE).",
    )
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=event_choices()),
        min_length=1,
        max_length=len(event_choices()),
        help_text="The events to send; at least one.",
    )
    secret = StrictCharField(
        write_only=True,
        required=False,
        min_length=16,
        max_length=200,
        help_text="Signs every delivery. Omit it on creation to have one generated; it is shown "
        "in the creation response only. Give it on update to replace it.",
    )
    created_by = UserSummarySerializer(read_only=True, allow_null=True)
    failure_count = serializers.IntegerField(
        source="consecutive_failures", read_only=True, help_text="Failed attempts in a row."
    )
    last_delivery_status = serializers.SerializerMethodField(
        help_text="How the last attempt went; null before the first."
    )

    class Meta:
        model = Webhook
        fields = [
            "id",
            "url",
            "events",
            "secret",
            "enabled",
            "created_by",
            "failure_count",
            "failing_since",
            "disabled_at",
            "disabled_reason",
            "last_delivery_status",
            "last_delivery_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [name for name in fields if name not in ("url", "events", "secret", "enabled")]

    @extend_schema_field({"type": "string", "enum": ["succeeded", "failed", None], "nullable": True})
    def get_last_delivery_status(self, obj: Webhook) -> str | None:
        return obj.last_delivery_status or None

    def validate_url(self, value: str) -> str:
        value = value.strip()
        try:
            _url_syntax(value)
        except DjangoValidationError:
            raise serializers.ValidationError("Enter a valid http:// or https:// URL.") from None
        try:
            net.check_url(value, allow_private=net.private_allowed())
        except net.UnsafeURL as exc:
            raise serializers.ValidationError(str(exc)) from None
        return value

    def validate_events(self, value: list[str]) -> list[str]:
        return sorted(set(value))


class CreatedWebhookSerializer(WebhookSerializer):
    """The creation response: the webhook with its secret, this once."""

    # Write-only above; here, and only here, read.
    secret = serializers.SerializerMethodField(  # type: ignore[assignment]
        help_text="The secret. Shown this once, never again."
    )

    @extend_schema_field(StrictCharField())
    def get_secret(self, obj: Webhook) -> str:
        return str(self.context["secret"])


class AttemptSerializer(StrictModelSerializer):
    class Meta:
        model = DeliveryAttempt
        fields = ["number", "started_at", "duration_ms", "status_code", "response_body", "error", "outcome"]
        read_only_fields = fields


class DeliverySerializer(StrictModelSerializer):
    webhook = serializers.PrimaryKeyRelatedField[Webhook](read_only=True)
    # From the registry, not the model's choices (frozen as migrated: see webhooks.models).
    event = serializers.ChoiceField(choices=delivery_event_choices(), read_only=True)
    payload = serializers.SerializerMethodField(help_text="The body sent: event, timestamp and data.")
    attempts = AttemptSerializer(many=True, read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "webhook",
            "event",
            "status",
            "attempt_count",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "created_at",
            "finished_at",
            "payload",
            "attempts",
        ]
        read_only_fields = fields

    @extend_schema_field(
        {
            "type": "object",
            "required": ["event", "timestamp", "data"],
            "properties": {
                "event": {"type": "string"},
                "timestamp": {"type": "string", "format": "date-time"},
                "data": {"type": "object", "additionalProperties": True},
            },
        }
    )
    def get_payload(self, obj: Delivery) -> Any:
        return obj.payload
