"""Routes, escalation policies, silences and an alert's timeline, as the REST API takes and
shows them."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from alerts.matchers import MAX_MATCHERS, MAX_VALUE_LENGTH, matcher_problems
from alerts.models import MAX_DURATION_SECONDS, AlertKind, Severity
from alerts.routing_models import AlertRoute, EscalationPolicy, GroupLabel, MatchLabel, MatchOp, Silence, SilenceState
from alerts.services.routes import receiver_problems, threshold_problem
from chatops.api.fields import StrictBooleanField, StrictCharField, StrictModelSerializer
from chatops.api.filters import MAX_ID, YEAR_PATTERN
from servers.fields import TagField

MAX_RECEIVERS = 100
MAX_STEPS = 10
MAX_AFTER_MINUTES = MAX_DURATION_SECONDS // 60
RECEIVER_HELP = {
    "users": "Users (ids): each gets the notification in-app and on their own channels.",
    "teams": "Teams (ids): the team's channels, and each member as a user.",
    "channels": "Notification channels (ids).",
    "chat_rooms": "Chat rooms (ids), posted into as a system message; not archived.",
}


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: not ``"7"``, ``7.0`` or ``true``, which DRF would take as 7."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise serializers.ValidationError("Must be a whole number.", code="invalid")
        return int(super().to_internal_value(data))


@extend_schema_field({"type": "string", "format": "date-time", "pattern": YEAR_PATTERN})
class UTCDateTimeField(serializers.DateTimeField):
    """An instant with a year from 1970 to 9999 as written, read as UTC when it names no zone
    (PostgreSQL refuses some offsets and years a plain DateTimeField would pass on)."""

    def to_internal_value(self, value: Any) -> datetime:
        parsed: datetime = super().to_internal_value(value)
        if isinstance(value, str) and not 1970 <= parsed.year <= 9999:
            raise serializers.ValidationError("Enter a time between 1970 and 9999.")
        if timezone.is_naive(parsed):
            parsed = parsed.replace(tzinfo=UTC)
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError):
            return datetime.max.replace(tzinfo=UTC)


def _ids(help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=StrictIntegerField(min_value=1, max_value=MAX_ID),
        max_length=MAX_RECEIVERS,
        required=False,
        help_text=help_text,
    )


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _seconds(help_text: str, *, minimum: int = 0, default: int) -> StrictIntegerField:
    return StrictIntegerField(
        min_value=minimum, max_value=MAX_DURATION_SECONDS, required=False, default=default, help_text=help_text
    )


class _Receivers(serializers.Serializer[Any]):
    """The receivers' four lists, checked to exist."""

    users = _ids(RECEIVER_HELP["users"])
    teams = _ids(RECEIVER_HELP["teams"])
    channels = _ids(RECEIVER_HELP["channels"])
    chat_rooms = _ids(RECEIVER_HELP["chat_rooms"])

    def check_receivers(self, attrs: dict[str, Any]) -> None:
        for name in ("users", "teams", "channels", "chat_rooms"):
            if name in attrs:
                attrs[name] = _unique(attrs[name])
        problems = receiver_problems(attrs)
        if problems:
            raise serializers.ValidationError({field: [text] for field, text in problems.items()})


# --- Routes -------------------------------------------------------------------------------------


class AlertRouteSerializer(StrictModelSerializer, _Receivers):
    name = StrictCharField(max_length=100, help_text="Unique (case-insensitive).")
    position = StrictIntegerField(
        min_value=0,
        max_value=2**31 - 1,
        required=False,
        help_text="Routes are tried in this order (then by id); default: last.",
    )
    severities = serializers.ListField(
        child=serializers.ChoiceField(choices=Severity.choices), max_length=3, required=False,
        help_text="Match alerts of any of these severities (empty: any).",
    )  # fmt: skip
    tags = serializers.ListField(
        child=TagField(),
        max_length=50,
        required=False,
        help_text="Match alerts of servers with any of these tags (empty: any).",
    )
    thresholds = serializers.ListField(
        child=StrictIntegerField(min_value=1, max_value=MAX_ID), max_length=MAX_RECEIVERS, required=False,
        help_text="Match alerts of any of these thresholds, by id (empty: any).",
    )  # fmt: skip
    kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=AlertKind.choices), max_length=2, required=False,
        help_text="Match alerts of these kinds (empty: any).",
    )  # fmt: skip
    group_by = serializers.ListField(
        child=serializers.ChoiceField(choices=GroupLabel.choices), max_length=len(GroupLabel.values), required=False,
        help_text="Alerts of this route with the same values of these labels are notified together "
        "(default: alert_name, severity; empty: the whole route is one group).",
    )  # fmt: skip
    group_wait_seconds = _seconds(
        "How long a new group waits for more alerts before its first notification.", default=30
    )
    group_interval_seconds = _seconds(
        "How long after a notification a group waits before telling of what changed since.", minimum=1, default=300
    )
    repeat_interval_seconds = _seconds(
        "Notify again after this long while any alert of the group is firing unacknowledged (0: never).",
        default=4 * 3600,
    )
    escalation_policy = serializers.PrimaryKeyRelatedField(
        queryset=EscalationPolicy.objects.all(), required=False, allow_null=True,
        help_text="Steps taken while an alert stays firing and unacknowledged (GET /escalation-policies).",
    )  # fmt: skip
    created_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = AlertRoute
        fields = [
            "id", "name", "position", "enabled", "severities", "tags", "thresholds", "kinds",
            "users", "teams", "channels", "chat_rooms", "group_by", "group_wait_seconds",
            "group_interval_seconds", "repeat_interval_seconds", "send_resolved", "escalation_policy",
            "created_by", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "created_by", "created_at", "updated_at"]
        extra_kwargs = {"send_resolved": {"help_text": "Also tell when the alerts it told of resolve."}}

    def get_fields(self) -> dict[str, Any]:
        # Alertmanager's name for it, which Python cannot spell as an attribute.
        fields: dict[str, Any] = super().get_fields()
        fields["continue"] = StrictBooleanField(
            source="continue_matching",
            required=False,
            help_text="After matching, try the next routes too (Alertmanager's `continue`); "
            "otherwise the first route that matches takes the alert.",
        )
        return fields

    def validate_name(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError("Must not be blank.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for name in ("severities", "tags", "thresholds", "kinds", "group_by"):
            if name in attrs:
                attrs[name] = _unique(attrs[name])
        if attrs.get("thresholds"):
            problem = threshold_problem(attrs["thresholds"])
            if problem:
                raise serializers.ValidationError({"thresholds": [problem]})
        self.check_receivers(attrs)
        return attrs


# --- Escalation policies ------------------------------------------------------------------------


class EscalationStepSerializer(_Receivers):
    after_minutes = StrictIntegerField(
        min_value=0,
        max_value=MAX_AFTER_MINUTES,
        help_text="Minutes after the alert was first notified (counted from then for every step).",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not any(attrs.get(name) for name in ("users", "teams", "channels", "chat_rooms")):
            raise serializers.ValidationError("A step notifies someone: give users, teams, channels or chat_rooms.")
        self.check_receivers(attrs)
        return {name: attrs.get(name, []) for name in ("after_minutes", "users", "teams", "channels", "chat_rooms")}


class EscalationPolicySerializer(StrictModelSerializer):
    name = StrictCharField(max_length=100, help_text="Unique (case-insensitive).")
    steps = serializers.ListField(
        child=EscalationStepSerializer(), min_length=1, max_length=MAX_STEPS,
        help_text="Taken in order while an alert stays firing and unacknowledged; after_minutes increase.",
    )  # fmt: skip
    routes = serializers.SerializerMethodField(help_text="The routes that use it (ids).")
    created_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = EscalationPolicy
        fields = ["id", "name", "description", "steps", "routes", "created_by", "created_at", "updated_at"]
        read_only_fields = ["id", "routes", "created_by", "created_at", "updated_at"]

    def get_routes(self, obj: EscalationPolicy) -> list[int]:
        return [route.pk for route in obj.routes.all()]

    def validate_name(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError("Must not be blank.")
        return value

    def validate_steps(self, steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        minutes = [step["after_minutes"] for step in steps]
        if any(b <= a for a, b in pairwise(minutes)):
            raise serializers.ValidationError("after_minutes must increase from step to step.")
        return steps


# --- Silences -----------------------------------------------------------------------------------


class MatcherSerializer(serializers.Serializer[Any]):
    label = serializers.ChoiceField(choices=MatchLabel.choices, help_text="What is compared.")  # type: ignore[assignment]
    op = serializers.ChoiceField(
        choices=MatchOp.choices,
        help_text="= and != compare (ignoring case); =~ and !~ match a whole regular expression.",
    )
    value = StrictCharField(max_length=MAX_VALUE_LENGTH, help_text="Compared ignoring case.")


class SilenceSerializer(StrictModelSerializer):
    matchers = serializers.ListField(
        child=MatcherSerializer(), min_length=1, max_length=MAX_MATCHERS,
        help_text="Every one must match. Labels: severity, server (its name), tag (any tag of the server), "
        "threshold (its id), kind, alert_name.",
    )  # fmt: skip
    starts_at = UTCDateTimeField(required=False, help_text="Default: now. Cannot change once begun.")
    ends_at = UTCDateTimeField(help_text="After starts_at, in the future. A past time on PATCH expires it now.")
    comment = StrictCharField(max_length=500, required=False, allow_blank=True, default="")
    state = serializers.SerializerMethodField(help_text="pending (not begun), active, or expired.")
    alerts = serializers.SerializerMethodField(help_text="The open alerts it holds now (ids).")
    created_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Silence
        fields = [
            "id",
            "matchers",
            "starts_at",
            "ends_at",
            "comment",
            "state",
            "alerts",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "state", "alerts", "created_by", "created_at", "updated_at"]

    @extend_schema_field({"type": "string", "enum": SilenceState.values})
    def get_state(self, obj: Silence) -> str:
        return str(obj.state(timezone.now()))

    def get_alerts(self, obj: Silence) -> list[int]:
        return sorted(a.pk for a in obj.alerts.all() if a.is_open)

    def validate_matchers(self, matchers: list[dict[str, Any]]) -> list[dict[str, str]]:
        clean = [{"label": m["label"], "op": m["op"], "value": m["value"]} for m in matchers]
        problems = matcher_problems(clean)
        if problems:
            raise serializers.ValidationError(problems)
        return clean


# --- The timeline -------------------------------------------------------------------------------


class _NamedSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class TimelineDeliverySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="inapp, email, webhook, apprise, or a target such as chat_room.")
    channel = _NamedSerializer(allow_null=True, help_text="The notification channel, if through one.")
    user = serializers.CharField(allow_null=True, help_text="The user (username) it reached, if a person's.")
    target_id = serializers.IntegerField(allow_null=True, help_text="With a target kind: its object (the room).")
    status = serializers.CharField(help_text="pending, held, delivered, failed or skipped.")
    attempts = serializers.IntegerField()
    delivered_at = serializers.DateTimeField(allow_null=True)
    last_error = serializers.CharField()


class TimelineNotificationSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    type = serializers.CharField()
    subject = serializers.CharField()
    status = serializers.CharField()


TIMELINE_TYPES = ["fired", "acknowledged", "resolved", "silenced", "unsilenced", "notified", "escalated", "email"]


class TimelineEntrySerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    type = serializers.ChoiceField(choices=TIMELINE_TYPES)
    summary = serializers.CharField(help_text="The entry for people.")
    actor = serializers.CharField(allow_null=True, help_text="Who did it (a username), if a person.")
    via = serializers.CharField(allow_null=True, help_text="api, chat, admin, … (from the audit log).")
    comment = serializers.CharField(help_text="The acknowledgement's, resolution's or silence's comment.")
    silence = serializers.IntegerField(allow_null=True)
    route = _NamedSerializer(allow_null=True)
    step = serializers.IntegerField(allow_null=True, help_text="The escalation step (from 1).")
    notification = TimelineNotificationSerializer(allow_null=True)
    deliveries = TimelineDeliverySerializer(many=True)
