"""Routes, escalation policies and silences over REST. Views route; ``alerts.services``
decides. Routes and policies: admins only (they name who is told). Silences: every role
reads; operators and admins create, change and expire them."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.actor import Actor
from accounts.permissions import IsAdmin, IsOperator
from alerts.api.routing_serializers import AlertRouteSerializer, EscalationPolicySerializer, SilenceSerializer
from alerts.models import OPEN, Alert
from alerts.routing_models import AlertRoute, EscalationPolicy, Silence, SilenceState
from alerts.services import routes as route_services
from alerts.services import silences as silence_services
from chatops.api.envelope import envelope
from chatops.api.filters import StrictFilterSet

WRITE_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"]


@extend_schema(tags=["alert routing"])
class AlertRouteViewSet(viewsets.ModelViewSet[AlertRoute]):
    """Where alerts go: tried in position order; the first that matches takes an alert unless
    it says ``continue``. Admins only."""

    serializer_class = AlertRouteSerializer
    permission_classes = [IsAdmin]
    sort_fields = ["position", "name", "created_at"]
    default_sort = "position"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)
    http_method_names = WRITE_METHODS

    def get_queryset(self) -> QuerySet[AlertRoute]:
        return AlertRoute.objects.select_related("created_by")

    def perform_create(self, serializer: BaseSerializer[AlertRoute]) -> None:
        serializer.instance = route_services.create_route(Actor.from_request(self.request), **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[AlertRoute]) -> None:
        assert serializer.instance is not None
        serializer.instance = route_services.update_route(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        route_services.delete_route(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Route deleted"))


@extend_schema(tags=["alert routing"])
class EscalationPolicyViewSet(viewsets.ModelViewSet[EscalationPolicy]):
    """Steps taken while an alert stays firing and unacknowledged; a route names one. Admins only."""

    serializer_class = EscalationPolicySerializer
    permission_classes = [IsAdmin]
    sort_fields = ["name", "created_at"]
    default_sort = "name"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)
    http_method_names = WRITE_METHODS

    def get_queryset(self) -> QuerySet[EscalationPolicy]:
        return EscalationPolicy.objects.select_related("created_by").prefetch_related("routes")

    def perform_create(self, serializer: BaseSerializer[EscalationPolicy]) -> None:
        serializer.instance = route_services.create_policy(
            Actor.from_request(self.request), **serializer.validated_data
        )

    def perform_update(self, serializer: BaseSerializer[EscalationPolicy]) -> None:
        assert serializer.instance is not None
        serializer.instance = route_services.update_policy(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        route_services.delete_policy(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Escalation policy deleted"))


class SilenceFilter(StrictFilterSet):
    state = django_filters.MultipleChoiceFilter(
        choices=SilenceState.choices, method="filter_state", help_text="Repeatable: ?state=pending&state=active."
    )

    repeatable = frozenset({"state"})

    class Meta:
        model = Silence
        fields: list[str] = []

    def filter_state(self, queryset: QuerySet[Silence], name: str, value: list[str]) -> QuerySet[Silence]:
        if not value:
            return queryset
        now = timezone.now()
        rules = {
            SilenceState.PENDING: Q(starts_at__gt=now),
            SilenceState.ACTIVE: Q(starts_at__lte=now, ends_at__gt=now),
            SilenceState.EXPIRED: Q(ends_at__lte=now),
        }
        wanted = Q()
        for state in value:
            wanted |= rules[SilenceState(state)]
        return queryset.filter(wanted)


@extend_schema(tags=["alert routing"])
class SilenceViewSet(viewsets.ModelViewSet[Silence]):
    """Alerts that match a silence's matchers between its start and end are not sent. Every
    role reads; operators and admins create, change and expire (DELETE expires: the silence
    stays on record)."""

    serializer_class = SilenceSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = SilenceFilter
    sort_fields = ["starts_at", "ends_at", "created_at"]
    default_sort = "-starts_at"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)
    http_method_names = WRITE_METHODS

    def get_queryset(self) -> QuerySet[Silence]:
        # The alerts a silence holds, of the servers the caller may see.
        visible = Alert.objects.visible_to(self.request.user).filter(status__in=OPEN)
        held = Prefetch("alerts", queryset=visible.only("id", "status", "silence_id"))
        return Silence.objects.select_related("created_by").prefetch_related(held)

    def get_permissions(self) -> list[Any]:
        if self.request.method not in ("GET", "HEAD", "OPTIONS"):
            return [IsOperator()]
        return list(super().get_permissions())

    def perform_create(self, serializer: BaseSerializer[Silence]) -> None:
        serializer.instance = silence_services.create_silence(
            Actor.from_request(self.request), **serializer.validated_data
        )

    def perform_update(self, serializer: BaseSerializer[Silence]) -> None:
        assert serializer.instance is not None
        serializer.instance = silence_services.update_silence(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    @extend_schema(
        request=None, responses={200: SilenceSerializer}, summary="Expire a silence now (it stays on record)"
    )
    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        silence = silence_services.expire_silence(Actor.from_request(request), self.get_object())
        silence = self.get_queryset().get(pk=silence.pk)
        return Response(envelope(SilenceSerializer(silence).data, "Silence expired"))
