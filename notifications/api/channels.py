"""Notification channels over REST: everyone manages their own, admins anyone's and teams'.
Somebody else's channel is a 404. Targets are taken in clear and only ever shown masked.
Views route; ``notifications.services.channels`` decides."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.actor import Actor
from accounts.models import Team, User
from accounts.summary import UserSummarySerializer
from chatops.api.envelope import envelope
from chatops.api.fields import StrictBooleanField, StrictCharField, StrictPrimaryKeyRelatedField
from chatops.api.filters import IdFilter, StrictFilterSet
from notifications import channel_targets
from notifications.choices import ChannelKind
from notifications.models import NotificationChannel
from notifications.services import channels as services

KIND_CHOICES = channel_targets.CREATABLE_KIND_CHOICES
TARGET_HELP = (
    "The secret part, taken in clear and shown masked ever after. email: an address. webhook: an "
    "http(s) URL resolving to public addresses (unless the hub allows private ones). apprise: an "
    "Apprise URL of a service reached over HTTP(S): slack://…, discord://…, workflows://… (Teams), mmost://…, "
    "tgram://…, ntfy://…, matrix://…, pover://…, json://…"
)


class ChannelSerializer(serializers.ModelSerializer[NotificationChannel]):
    """A channel as every route shows it: the target masked."""

    kind = serializers.ChoiceField(choices=KIND_CHOICES, read_only=True)
    target = serializers.SerializerMethodField(
        help_text="Masked: o…@example.com, https://host/…, or Apprise's privacy form (tokens as a...z, "
        "no query, path segments masked)."
    )
    service = serializers.SerializerMethodField(help_text='What it reaches: "Email", "Webhook", "Slack", "ntfy", …')
    user = serializers.PrimaryKeyRelatedField[User](read_only=True, allow_null=True, help_text="The owner (a user).")
    team = serializers.PrimaryKeyRelatedField[Team](read_only=True, allow_null=True, help_text="The owner (a team).")
    created_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = NotificationChannel
        fields = [
            "id",
            "name",
            "kind",
            "target",
            "service",
            "user",
            "team",
            "enabled",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def _described(self, obj: NotificationChannel) -> tuple[str, str]:
        # Both from one reading of the URL (Apprise's takes about a millisecond).
        cache: dict[int, tuple[str, str]] = self.__dict__.setdefault("_descriptions", {})
        if id(obj) not in cache:
            cache[id(obj)] = channel_targets.describe(obj.kind, obj.target)
        return cache[id(obj)]

    @extend_schema_field(serializers.CharField())
    def get_target(self, obj: NotificationChannel) -> str:
        return self._described(obj)[0]

    @extend_schema_field(serializers.CharField())
    def get_service(self, obj: NotificationChannel) -> str:
        return self._described(obj)[1]


class KindField(serializers.ChoiceField):
    """email, webhook or apprise; in-app is refused by name, not as a mere typo."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=KIND_CHOICES, **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if data == ChannelKind.INAPP:
            raise serializers.ValidationError(
                "The in-app inbox is always on for every user; it is not a channel to create.", code="invalid_choice"
            )
        return super().to_internal_value(data)


class ChannelUpdateSerializer(serializers.Serializer[Any]):
    name = StrictCharField(max_length=100)
    kind = KindField(help_text="email, webhook or apprise. (The in-app inbox is every user's, always on.)")
    target = StrictCharField(
        max_length=channel_targets.MAX_TARGET_LENGTH,
        required=False,
        write_only=True,
        help_text=f"{TARGET_HELP}. Omit it to keep the current one.",
    )
    enabled = StrictBooleanField(required=False)


class ChannelCreateSerializer(ChannelUpdateSerializer):
    target = StrictCharField(max_length=channel_targets.MAX_TARGET_LENGTH, write_only=True, help_text=TARGET_HELP)
    user = StrictPrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="Admins: the user it belongs to. Everyone else may only name themselves. Default: the caller.",
    )
    team = StrictPrimaryKeyRelatedField(
        queryset=Team.objects.all(),
        required=False,
        allow_null=True,
        help_text="Admins: the team it belongs to (instead of a user).",
    )


class ChannelTestSerializer(serializers.Serializer[Any]):
    ok = serializers.BooleanField(read_only=True, help_text="The service accepted the test message.")
    error = serializers.CharField(read_only=True, help_text="What failed (empty when ok); no secret in it.")
    permanent = serializers.BooleanField(
        read_only=True, help_text="Retrying would not help (a bad URL, refused credentials, a 4xx answer)."
    )
    duration_ms = serializers.IntegerField(read_only=True)


class ChannelFilter(StrictFilterSet):
    kind = django_filters.ChoiceFilter(choices=KIND_CHOICES)
    enabled = django_filters.BooleanFilter()
    user = IdFilter(field_name="user_id")
    team = IdFilter(field_name="team_id")

    class Meta:
        model = NotificationChannel
        fields: list[str] = []


@extend_schema(tags=["notifications"])
class ChannelViewSet(viewsets.ModelViewSet[NotificationChannel]):
    """Where a user (or, set by admins, a team) is reached: email, webhook, or an Apprise service."""

    serializer_class = ChannelSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = ChannelFilter
    sort_fields = ["name", "kind", "created_at"]
    default_sort = "name"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    # The rate-limit scope (``chatops.ratelimit``): "default", and "outgoing" for the test.
    throttle_scope: str | None = None

    def get_queryset(self) -> QuerySet[NotificationChannel]:
        if getattr(self, "swagger_fake_view", False):
            return NotificationChannel.objects.none()
        return NotificationChannel.objects.manageable_by(self.request.user).select_related("created_by")

    @extend_schema(request=ChannelCreateSerializer, responses={201: ChannelSerializer}, summary="Create a channel")
    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        body = ChannelCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        channel = services.create_channel(Actor.from_request(request), **body.validated_data)
        return Response(envelope(ChannelSerializer(channel).data, "Channel created"), status=status.HTTP_201_CREATED)

    @extend_schema(request=ChannelUpdateSerializer, responses={200: ChannelSerializer})
    def update(self, request: Request, *args: object, **kwargs: Any) -> Response:
        channel = self.get_object()
        body = ChannelUpdateSerializer(data=request.data, partial=kwargs.pop("partial", False))
        body.is_valid(raise_exception=True)
        channel = services.update_channel(Actor.from_request(request), channel, **body.validated_data)
        return Response(envelope(ChannelSerializer(channel).data, "Channel updated"))

    @extend_schema(request=ChannelUpdateSerializer, responses={200: ChannelSerializer})
    def partial_update(self, request: Request, *args: object, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.delete_channel(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Channel deleted"))

    @extend_schema(
        request=None,
        responses={200: ChannelTestSerializer},
        summary="Send a test message through the channel now; says whether it arrived and what failed",
    )
    @action(detail=True, methods=["post"], filterset_class=None, sort_fields=None, throttle_scope="outgoing")
    def test(self, request: Request, pk: str | None = None) -> Response:
        result = services.send_channel_test(Actor.from_request(request), self.get_object())
        data = ChannelTestSerializer(result).data
        message = "Test message delivered" if result.ok else f"Test message not delivered: {result.error}"
        return Response(envelope(data, message))
