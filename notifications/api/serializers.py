"""What the notifications routes take, and the schema of what they give.

Inbox items are ``notifications.representation``'s (one shape for REST and the socket): their
serializers only describe that shape to the schema and hand the object to the representation.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from chatops.api.fields import (
    NOT_BLANK_PATTERN,
    StrictBooleanField,
    StrictCharField,
    StrictEmailField,
    StrictModelSerializer,
    pattern_validator,
)
from chatops.api.filters import MAX_ID
from notifications.choices import DeliveryStatus, Severity
from notifications.models import Delivery, Notification, NotificationChannel
from notifications.preferences import NotificationPreference, timezone_names
from notifications.rendering import FORMATS
from notifications.representation import inbox_item

#: Each list of recipients holds at most this many entries.
MAX_RECIPIENTS = 500
MAX_SUBJECT = 200
MAX_CONTENT = 20_000
TYPE_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

# --- Sending ----------------------------------------------------------------------------------------


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdField(serializers.IntegerField):
    """An object's id as a JSON integer: not ``"7"``, ``7.0`` or ``true``, which DRF would take."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise serializers.ValidationError("Must be a whole number (an id).", code="invalid")
        return int(super().to_internal_value(data))


def _ids(help_text: str) -> serializers.ListField:
    return serializers.ListField(child=IdField(), max_length=MAX_RECIPIENTS, default=list, help_text=help_text)


class RecipientsSerializer(serializers.Serializer[Any]):
    users = _ids("User ids: each gets the notification in their in-app inbox and on each of their enabled channels.")
    teams = _ids("Team ids: the team's channels, and every member as a user.")
    channels = _ids("Notification channel ids (any user's or team's).")
    addresses = serializers.ListField(
        child=StrictEmailField(max_length=254),
        max_length=MAX_RECIPIENTS,
        default=list,
        help_text="Email addresses, sent to directly.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not any(attrs.get(name) for name in ("users", "teams", "channels", "addresses")):
            raise serializers.ValidationError("Name at least one user, team, channel or address.")
        return attrs


class NotificationCreateSerializer(serializers.Serializer[Any]):
    type = StrictCharField(
        max_length=64,
        default="message",
        validators=[pattern_validator(re.compile(TYPE_PATTERN), "Lower-case letters, digits, '_', '.' and '-'.")],
        help_text="What kind of notification this is (free text, filterable): e.g. message, maintenance, deploy.",
    )
    severity = serializers.ChoiceField(choices=Severity.choices, default=Severity.INFO)
    subject = StrictCharField(max_length=MAX_SUBJECT)
    content = StrictCharField(
        max_length=MAX_CONTENT,
        trim_whitespace=False,
        validators=[RegexValidator(NOT_BLANK_PATTERN, "This field may not be blank.")],
        help_text="Markdown (or plain text with format=text).",
    )
    format = serializers.ChoiceField(
        choices=list(FORMATS),
        default="markdown",
        help_text="How to read content: markdown (raw HTML is escaped, links only http(s) and mailto) or text.",
    )
    recipients = RecipientsSerializer()


# --- What the routes give ---------------------------------------------------------------------------


@extend_schema_field(
    {
        "type": "object",
        "description": "The recipients as they were asked for.",
        "properties": {
            "users": {"type": "array", "items": {"type": "integer"}},
            "teams": {"type": "array", "items": {"type": "integer"}},
            "channels": {"type": "array", "items": {"type": "integer"}},
            "addresses": {"type": "array", "items": {"type": "string"}},
            "targets": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "integer"}},
                "description": 'Other places by kind, e.g. chat rooms: {"chat_room": [3]}.',
            },
        },
    }
)
class RecipientsField(serializers.JSONField):
    pass


class DeliveryCountsSerializer(serializers.Serializer[Any]):
    sent = serializers.IntegerField(help_text="Deliveries in all.")
    delivered = serializers.IntegerField()
    failed = serializers.IntegerField()
    pending = serializers.IntegerField(help_text="Pending or held (quiet hours).")
    skipped = serializers.IntegerField(help_text="Nothing to send to: a disabled or deleted channel, a user gone.")


class NotificationSerializer(StrictModelSerializer):
    created_by = UserSummarySerializer(read_only=True, allow_null=True)
    recipients = RecipientsField(read_only=True)
    # A field named like Serializer.data: DRF takes declared fields off the class, so at run time
    # there is no clash; the stubs do not know that.
    data = serializers.JSONField(  # type: ignore[assignment]
        read_only=True, help_text="Machine-readable details (an alert group's alerts, …)."
    )
    deliveries_count = serializers.SerializerMethodField(help_text="The notification's deliveries by outcome.")

    class Meta:
        model = Notification
        fields = [
            "id",
            "type",
            "severity",
            "subject",
            "content",
            "content_text",
            "content_html",
            "recipients",
            "data",
            "status",
            "created_by",
            "created_at",
            "finished_at",
            "deliveries_count",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "content_text": {"help_text": "content as plain text."},
            "content_html": {"help_text": "content as safe HTML."},
            "finished_at": {"help_text": "When its last delivery was final; null while any is pending or held."},
        }

    @extend_schema_field(DeliveryCountsSerializer)
    def get_deliveries_count(self, obj: Notification) -> dict[str, int]:
        counts: dict[int, dict[str, int]] = self.context.get("counts", {})
        return counts.get(obj.pk, {"sent": 0, "delivered": 0, "failed": 0, "pending": 0, "skipped": 0})


class ChannelSummarySerializer(StrictModelSerializer):
    class Meta:
        model = NotificationChannel
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class NotificationDeliverySerializer(StrictModelSerializer):
    channel = ChannelSummarySerializer(read_only=True, allow_null=True)
    user = UserSummarySerializer(read_only=True, allow_null=True)
    status = serializers.ChoiceField(choices=DeliveryStatus.choices, read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "kind",
            "channel",
            "user",
            "address",
            "target_id",
            "status",
            "attempts",
            "next_attempt_at",
            "last_error",
            "created_at",
            "delivered_at",
            "read_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "kind": {"help_text": "email, inapp, webhook, apprise, or a target kind such as chat_room."},
            "address": {"help_text": "An email address given directly (else empty)."},
            "target_id": {"help_text": "The target's object (a chat room) for target kinds."},
            "next_attempt_at": {"help_text": "When it is tried (again); for a held one, when quiet hours end."},
            "read_at": {"help_text": "In-app: when the user read it."},
        }


class NotificationDetailSerializer(NotificationSerializer):
    deliveries = NotificationDeliverySerializer(many=True, read_only=True, help_text="Admins: all; others: their own.")

    class Meta(NotificationSerializer.Meta):
        fields = [*NotificationSerializer.Meta.fields, "deliveries"]
        read_only_fields = fields

    def to_representation(self, instance: Notification) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["deliveries"] = NotificationDeliverySerializer(self.context["deliveries"], many=True).data
        return data


# --- Analytics --------------------------------------------------------------------------------------


class CountsSerializer(serializers.Serializer[Any]):
    sent = serializers.IntegerField(help_text="Deliveries made (one per channel, inbox, address or room).")
    delivered = serializers.IntegerField()
    failed = serializers.IntegerField()
    pending = serializers.IntegerField(help_text="Pending or held.")
    skipped = serializers.IntegerField()


class TypeCountsSerializer(CountsSerializer):
    type = serializers.CharField()
    notifications = serializers.IntegerField()


class KindCountsSerializer(CountsSerializer):
    kind = serializers.CharField()


class DayCountsSerializer(CountsSerializer):
    date = serializers.DateField(help_text="UTC day the notifications were created.")
    notifications = serializers.IntegerField()


class DeliveryTimeSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField(help_text="Delivered deliveries measured.")
    p50 = serializers.FloatField(allow_null=True, help_text="Median milliseconds from queued to delivered.")
    p95 = serializers.FloatField(allow_null=True, help_text="95th percentile, milliseconds.")


class StatusCountsSerializer(serializers.Serializer[Any]):
    pending = serializers.IntegerField()
    sent = serializers.IntegerField()
    partial = serializers.IntegerField()  # type: ignore[assignment]  # a field, not Serializer.partial
    failed = serializers.IntegerField()


class AnalyticsSerializer(CountsSerializer):
    notifications = serializers.IntegerField(help_text="Notifications in the range.")
    notifications_by_status = StatusCountsSerializer()
    delivery_rate = serializers.FloatField(allow_null=True, help_text="delivered / (delivered + failed); null: none.")
    delivery_time_ms = DeliveryTimeSerializer()
    by_type = TypeCountsSerializer(many=True)
    by_kind = KindCountsSerializer(many=True)
    by_day = DayCountsSerializer(many=True)


# --- The inbox --------------------------------------------------------------------------------------


class NotificationBriefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    type = serializers.CharField()
    severity = serializers.ChoiceField(choices=Severity.choices)
    subject = serializers.CharField()
    content = serializers.CharField()
    content_text = serializers.CharField()
    content_html = serializers.CharField(help_text="Safe to insert as HTML.")
    data = serializers.JSONField()  # type: ignore[assignment]  # a field, not Serializer.data
    created_at = serializers.DateTimeField()


class InboxItemSerializer(serializers.Serializer[Any]):
    """An in-app notification as ``notifications.representation.inbox_item`` writes it."""

    id = serializers.IntegerField(read_only=True, help_text="The inbox item (its delivery) id: mark it read with it.")
    notification = NotificationBriefSerializer(read_only=True)
    read = serializers.BooleanField(read_only=True)
    read_at = serializers.DateTimeField(read_only=True, allow_null=True)
    delivered_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def to_representation(self, instance: Delivery) -> dict[str, Any]:
        return dict(inbox_item(instance))


class ReadAllSerializer(serializers.Serializer[Any]):
    marked = serializers.IntegerField(help_text="How many were unread.")
    unread_count = serializers.IntegerField()


# --- Quiet hours ------------------------------------------------------------------------------------


@extend_schema_field({"type": "string", "pattern": CLOCK_PATTERN, "example": "22:00"})
class ClockField(serializers.TimeField):
    """A local time as ``HH:MM`` (24 hours)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", input_formats=["%H:%M"], **kwargs)

    def to_internal_value(self, value: Any) -> Any:
        if not isinstance(value, str) or not re.fullmatch(CLOCK_PATTERN.strip("^$"), value):
            raise serializers.ValidationError("A time as HH:MM (00:00 to 23:59).", code="invalid")
        return super().to_internal_value(value)


@extend_schema_field({"type": "string", "enum": list(timezone_names()), "example": "Europe/Berlin"})
class TimezoneField(serializers.ChoiceField):
    """An IANA time zone name this hub's tzdata knows (listed once, without a description each)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=list(timezone_names()), **kwargs)


class PreferenceSerializer(StrictModelSerializer):
    enabled = StrictBooleanField(help_text="Whether quiet hours apply.")
    quiet_start = ClockField(help_text="Local time quiet hours begin, HH:MM.")
    quiet_end = ClockField(help_text="Local time they end, HH:MM; before quiet_start: they span midnight; equal: none.")
    timezone = TimezoneField(help_text="IANA time zone name.")

    class Meta:
        model = NotificationPreference
        fields = ["enabled", "quiet_start", "quiet_end", "timezone", "updated_at"]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"updated_at": {"help_text": "Null until first saved.", "allow_null": True}}
