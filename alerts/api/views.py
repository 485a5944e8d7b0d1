"""Thresholds and alerts over REST. Views route; ``alerts.services`` decides."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.actor import Actor
from accounts.permissions import IsOperator, ReadOnlyOrAdmin
from alerts import services
from alerts.api.filters import AlertFilter
from alerts.api.routing_serializers import TimelineEntrySerializer
from alerts.api.serializers import AlertActionSerializer, ThresholdSerializer
from alerts.models import Alert, Threshold
from alerts.representation import AlertSerializer
from alerts.services.timeline import timeline
from chatops.api.envelope import envelope


@extend_schema(tags=["alerts"])
class ThresholdViewSet(viewsets.ModelViewSet[Threshold]):
    """What raises alerts. Every role reads; admins create, change and delete."""

    serializer_class = ThresholdSerializer
    permission_classes = [ReadOnlyOrAdmin]
    sort_fields = ["name", "metric", "severity", "created_at", "updated_at"]
    default_sort = "name"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Threshold]:
        return Threshold.objects.visible_to(self.request.user).select_related("tag")

    def perform_create(self, serializer: BaseSerializer[Threshold]) -> None:
        serializer.instance = services.create_threshold(Actor.from_request(self.request), **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Threshold]) -> None:
        assert serializer.instance is not None
        serializer.instance = services.update_threshold(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.delete_threshold(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Threshold deleted"))


@extend_schema(tags=["alerts"])
class AlertViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Alert]):
    """Alerts: one per episode of a threshold breached on a server, or of a silent server.
    Every role reads; operators and admins acknowledge and resolve."""

    serializer_class = AlertSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = AlertFilter
    sort_fields = ["started_at", "fired_at", "resolved_at", "severity", "status"]
    default_sort = "-started_at"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)

    def get_queryset(self) -> QuerySet[Alert]:
        return Alert.objects.visible_to(self.request.user).select_related("server", "acknowledged_by", "resolved_by")

    def get_permissions(self) -> list[Any]:
        if self.action in ("acknowledge", "resolve"):
            return [IsOperator()]
        return list(super().get_permissions())

    @extend_schema(
        request=AlertActionSerializer,
        responses={200: AlertSerializer},
        summary='Acknowledge a firing alert ("I\'m on it"): it stops repeating',
    )
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, services.acknowledge, "Alert acknowledged")

    @extend_schema(
        request=AlertActionSerializer,
        responses={200: AlertSerializer},
        summary="Resolve an alert by hand",
    )
    @action(detail=True, methods=["post"])
    def resolve(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, services.resolve, "Alert resolved")

    @extend_schema(
        responses={200: TimelineEntrySerializer(many=True)},
        summary="The alert's timeline: fired, silenced, who was notified how and when (each delivery), "
        "escalation steps, acknowledged, resolved",
    )
    @action(detail=True, methods=["get"], filterset_class=None, sort_fields=None, pagination_class=None)
    def timeline(self, request: Request, pk: str | None = None) -> Response:
        entries = timeline(self.get_object())
        return Response(envelope(TimelineEntrySerializer(entries, many=True).data, "OK"))

    def _act(self, request: Request, change: Callable[[Actor, Alert, str], Alert], message: str) -> Response:
        alert = self.get_object()
        body = AlertActionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        alert = change(Actor.from_request(request), alert, body.validated_data["comment"])
        return Response(envelope(AlertSerializer(alert).data, message))
