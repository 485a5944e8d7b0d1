"""Notifications over REST. Views route; ``notifications.services`` decides.

Admins send (``POST``) and see every notification and the analytics; everyone else sees the
notifications they sent or received (another's is a 404), with only their own deliveries.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.choices import Role
from accounts.permissions import IsAdmin
from chatops.api.envelope import envelope
from notifications import analytics, services
from notifications.api.filters import NotificationFilter
from notifications.api.serializers import (
    AnalyticsSerializer,
    NotificationCreateSerializer,
    NotificationDetailSerializer,
    NotificationSerializer,
    PreferenceSerializer,
)
from notifications.choices import DeliveryStatus
from notifications.models import Delivery, Notification
from notifications.services.preferences import preference_of, update_preference

_COUNTS = {
    "sent": Count("id"),
    "delivered": Count("id", filter=Q(status=DeliveryStatus.DELIVERED)),
    "failed": Count("id", filter=Q(status=DeliveryStatus.FAILED)),
    "pending": Count("id", filter=Q(status__in=(DeliveryStatus.PENDING, DeliveryStatus.HELD))),
    "skipped": Count("id", filter=Q(status=DeliveryStatus.SKIPPED)),
}


def delivery_counts(ids: list[int]) -> dict[int, dict[str, int]]:
    """Each notification's deliveries by outcome, for a page of them in one query."""
    rows = Delivery.objects.filter(notification__in=ids).order_by().values("notification").annotate(**_COUNTS)
    return {row["notification"]: {key: int(row[key]) for key in _COUNTS} for row in rows}  # type: ignore[literal-required]


def visible_deliveries(user: Any, notification: Notification) -> QuerySet[Delivery]:
    deliveries = Delivery.objects.filter(notification=notification).select_related("channel", "user")
    return deliveries if user.has_role(Role.ADMIN) else deliveries.filter(user=user)


@extend_schema(tags=["notifications"])
class NotificationViewSet(viewsets.GenericViewSet[Notification]):
    """Notifications sent to people, and how each delivery went."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = NotificationFilter
    sort_fields = ["created_at", "finished_at", "type", "status", "severity"]
    default_sort = "-created_at"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "head", "options"]

    def get_permissions(self) -> list[Any]:
        if getattr(self, "action", None) in ("create", "analytics"):
            return [IsAdmin()]
        return list(super().get_permissions())

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        return Notification.objects.visible_to(self.request.user).select_related("created_by")

    def _detail(self, notification: Notification) -> dict[str, Any]:
        context = {
            "counts": delivery_counts([notification.pk]),
            "deliveries": visible_deliveries(self.request.user, notification),
        }
        return NotificationDetailSerializer(context=context).to_representation(notification)

    @extend_schema(
        summary="Notifications, newest first (admins: all; others: those they sent or received)",
        responses=NotificationSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        context = {"counts": delivery_counts([n.pk for n in page])}
        return self.get_paginated_response(NotificationSerializer(page, many=True, context=context).data)

    @extend_schema(summary="A notification with its deliveries (others': admins only)")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(envelope(self._detail(self.get_object()), "OK"))

    @extend_schema(
        request=NotificationCreateSerializer,
        responses={201: NotificationDetailSerializer},
        summary="Send a notification (admins); the worker delivers it",
    )
    def create(self, request: Request) -> Response:
        body = NotificationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = dict(body.validated_data)
        recipients = services.Recipients(**fields.pop("recipients"))
        try:
            notification = services.notify(Actor.from_request(request), recipients=recipients, **fields)
        except DjangoValidationError as exc:
            raise ValidationError({"recipients": exc.message_dict}) from None
        return Response(envelope(self._detail(notification), "Notification queued"), status=status.HTTP_201_CREATED)

    @extend_schema(
        responses=AnalyticsSerializer,
        summary="Delivery analytics (admins): counts by type, kind and day; delivery time p50/p95",
    )
    @action(detail=False, methods=["get"], sort_fields=None, pagination_class=None)
    def analytics(self, request: Request) -> Response:
        notifications = self.filter_queryset(self.get_queryset())
        return Response(envelope(AnalyticsSerializer(analytics.summarize(notifications)).data))


@extend_schema(tags=["notifications"])
class PreferenceView(APIView):
    """The caller's own quiet hours."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=PreferenceSerializer, summary="Your quiet hours (off until you set them)")
    def get(self, request: Request) -> Response:
        return Response(envelope(PreferenceSerializer(preference_of(request.user.pk or 0)).data))

    @extend_schema(request=PreferenceSerializer, responses=PreferenceSerializer, summary="Set your quiet hours")
    def put(self, request: Request) -> Response:
        body = PreferenceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        preference = update_preference(Actor.from_request(request), **body.validated_data)
        return Response(envelope(PreferenceSerializer(preference).data, "Quiet hours saved"))
