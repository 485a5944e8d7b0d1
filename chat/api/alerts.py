"""``GET/PUT /rooms/{id}/alert-subscriptions``: which alerts a room gets as cards, and whose
servers' activity it follows. Views route; ``chat.services.alerts`` decides."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from alerts.models import Severity
from chat.services import visible_room
from chat.services.alerts import alert_subscriptions, set_alert_subscriptions
from chatops.api.envelope import envelope
from servers.fields import TagField

MAX_SUBSCRIPTIONS = 50
MAX_TAGS = 50


@extend_schema_serializer(component_name="AlertSubscription")  # the request's: "AlertSubscriptionRequest"
class AlertSubscriptionSerializer(serializers.Serializer[dict[str, list[str]]]):
    severities = serializers.ListField(
        child=serializers.ChoiceField(choices=Severity.choices),
        max_length=len(Severity.choices),
        default=list,
        help_text="The alerts' severities this subscription takes; empty (or absent): every severity.",
    )
    tags = serializers.ListField(
        child=TagField(),
        max_length=MAX_TAGS,
        default=list,
        help_text="Alerts of servers with any of these tags; empty (or absent): every server.",
    )


@extend_schema_serializer(component_name="AlertSubscriptions")
class AlertSubscriptionsSerializer(serializers.Serializer[dict[str, list[object]]]):
    subscriptions = serializers.ListField(
        child=AlertSubscriptionSerializer(),
        max_length=MAX_SUBSCRIPTIONS,
        help_text="The room gets a card for an alert that any of these matches (an empty list: none). "
        "A PUT replaces the whole list.",
    )
    follows_activity = serializers.ListField(
        child=TagField(),
        max_length=MAX_TAGS,
        help_text="Tags: commands and container actions done outside chat (REST API, dashboard, admin) on "
        "servers with any of them are posted in the room as system lines. Empty: none.",
    )


@extend_schema_serializer(component_name="AlertSubscription")
class AlertSubscriptionOutSerializer(serializers.Serializer[dict[str, list[str]]]):
    """As stored: both lists always there, sorted, without repeats."""

    severities = serializers.ListField(child=serializers.ChoiceField(choices=Severity.choices), read_only=True)
    tags = serializers.ListField(child=serializers.CharField(), read_only=True)


@extend_schema_serializer(component_name="AlertSubscriptions")
class AlertSubscriptionsOutSerializer(serializers.Serializer[dict[str, list[object]]]):
    subscriptions = AlertSubscriptionOutSerializer(many=True, read_only=True)
    follows_activity = serializers.ListField(child=serializers.CharField(), read_only=True)


@extend_schema(tags=["chat"])
class AlertSubscriptionsView(APIView):
    """Anyone who may see the room reads; its owner or an admin changes it. A private room is
    a 404 to those outside it."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={200: AlertSubscriptionsOutSerializer}, summary="What the room follows: alerts and server activity"
    )
    def get(self, request: Request, room_id: int) -> Response:
        room = visible_room(Actor.from_request(request), room_id)
        return Response(envelope(AlertSubscriptionsOutSerializer(alert_subscriptions(room)).data))

    @extend_schema(
        request=AlertSubscriptionsSerializer,
        responses={200: AlertSubscriptionsOutSerializer},
        summary="Replace what the room follows (owner or admin)",
    )
    def put(self, request: Request, room_id: int) -> Response:
        actor = Actor.from_request(request)
        room = visible_room(actor, room_id)
        if not room.can_manage(actor.user):  # refused before the body is read (the service checks again)
            raise PermissionDenied("Only the room's owner or an admin may change what it follows.")
        body = AlertSubscriptionsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = set_alert_subscriptions(
            actor, room, body.validated_data["subscriptions"], body.validated_data["follows_activity"]
        )
        return Response(envelope(AlertSubscriptionsOutSerializer(data).data, "Alert subscriptions saved"))
