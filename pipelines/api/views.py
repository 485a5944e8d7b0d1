"""Integrations (admins), pipelines, deployments, rooms' follows and DORA over REST. Views
route; ``pipelines.services`` and ``pipelines.dora`` decide."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.permissions import IsAdmin
from chat.models import Room
from chat.services.rooms import visible_room
from chatops.api.envelope import envelope
from pipelines import dora
from pipelines.api import serializers as s
from pipelines.api.filters import DeliveryFilter, DeploymentFilter, PipelineFilter
from pipelines.models import Delivery, Deployment, Follow, Integration, Pipeline
from pipelines.services import integrations as services
from servers.services import visible_servers

_ID = r"\d+"


@extend_schema(tags=["pipelines"])
class IntegrationViewSet(viewsets.ModelViewSet[Integration]):
    """CI systems that send events. The secret is shown once, in the creation response."""

    queryset = Integration.objects.select_related("created_by")
    serializer_class = s.IntegrationSerializer
    permission_classes = [IsAdmin]
    filterset_class = None
    sort_fields = ["name", "created_at", "provider"]
    default_sort = "name"
    lookup_value_regex = _ID
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    @extend_schema(
        request=s.IntegrationSerializer,
        responses={201: s.CreatedIntegrationSerializer},
        summary="Create an integration; the response is the only time its secret is shown",
    )
    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        integration, secret = services.create_integration(Actor.from_request(request), **serializer.validated_data)
        data = s.CreatedIntegrationSerializer(integration, context={"request": request, "secret": secret}).data
        return Response(
            envelope(data, "Integration created. Store the secret now: it will not be shown again."),
            status=status.HTTP_201_CREATED,
        )

    def perform_update(self, serializer: BaseSerializer[Integration]) -> None:
        assert serializer.instance is not None
        serializer.instance = services.update_integration(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.delete_integration(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Integration deleted"))


@extend_schema(tags=["pipelines"], summary="An integration's raw deliveries, newest first, with their verdicts")
class DeliveryListView(generics.ListAPIView[Delivery]):
    serializer_class = s.DeliverySerializer
    permission_classes = [IsAdmin]
    filterset_class = DeliveryFilter
    sort_fields = ["received_at", "verdict"]
    default_sort = "-received_at"

    def get_queryset(self) -> QuerySet[Delivery]:
        if getattr(self, "swagger_fake_view", False):
            return Delivery.objects.none()
        integration = generics.get_object_or_404(Integration.objects.all(), pk=self.kwargs["integration_id"])
        return Delivery.objects.filter(integration=integration)


@extend_schema(tags=["pipelines"])
class PipelineViewSet(viewsets.ReadOnlyModelViewSet[Pipeline]):
    """CI runs received from the integrations."""

    permission_classes = [IsAuthenticated]
    filterset_class = PipelineFilter
    sort_fields = ["started_at", "finished_at", "repository", "status", "created_at"]
    default_sort = "-started_at"
    lookup_value_regex = _ID

    def get_queryset(self) -> QuerySet[Pipeline]:
        if self.action == "retrieve":
            return Pipeline.objects.prefetch_related("jobs")
        return Pipeline.objects.all()

    def get_serializer_class(self) -> Any:
        return s.PipelineDetailSerializer if self.action == "retrieve" else s.PipelineSerializer


@extend_schema(tags=["pipelines"])
class DeploymentViewSet(viewsets.ReadOnlyModelViewSet[Deployment]):
    """Deployments and the servers they touched (those the caller may see)."""

    serializer_class = s.DeploymentSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = DeploymentFilter
    sort_fields = ["started_at", "finished_at", "service", "environment", "status"]
    default_sort = "-started_at"
    lookup_value_regex = _ID

    def _visible(self) -> QuerySet[Any]:
        return visible_servers(Actor.from_request(self.request))

    def get_queryset(self) -> QuerySet[Deployment]:
        if getattr(self, "swagger_fake_view", False):
            return Deployment.objects.none()
        queryset = Deployment.objects.prefetch_related(Prefetch("servers", queryset=self._visible().order_by("pk")))
        server = self.request.query_params.get("server")
        if server and server.isdigit():
            # A server the caller may not see filters to nothing, as if it had no deployments.
            queryset = queryset.filter(servers__in=self._visible().filter(pk=int(server)))
        return queryset


@extend_schema(tags=["pipelines"])
class FollowViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet[Follow]
):
    """Rooms told of a repository's pipelines or an environment's deployments. Operators who
    belong to the room (admins any room) add and remove them."""

    serializer_class = s.FollowSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = None
    sort_fields = ["created_at"]
    default_sort = "created_at"
    lookup_value_regex = _ID

    def get_queryset(self) -> QuerySet[Follow]:
        if getattr(self, "swagger_fake_view", False):
            return Follow.objects.none()
        rooms = Room.objects.visible_to(self.request.user)
        return Follow.objects.filter(room__in=rooms)

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        actor = Actor.from_request(request)
        data = dict(serializer.validated_data)
        room = visible_room(actor, data.pop("room_id"))
        created = services.follow(actor, room, **data)
        return Response(envelope(s.FollowSerializer(created).data, "Following"), status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.unfollow(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "No longer following"))


class DoraView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["pipelines"],
        parameters=[s.DoraQuerySerializer],
        responses={200: s.DoraSerializer},
        summary="DORA metrics over a range, with their trend, by service, and why any is empty or partial",
    )
    def get(self, request: Request) -> Response:
        # A plain dict: from a QueryDict, DRF takes a blank optional parameter for an absent one,
        # and a given parameter must have a valid value.
        query = s.DoraQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        params = query.validated_data
        end = params.get("end") or timezone.now()
        start = params.get("start") or end - timedelta(days=30)
        if start >= end:
            raise ValidationError({"start": ["Must be before end."]})
        if end - start > timedelta(days=366):
            raise ValidationError({"start": ["The range may span at most 366 days."]})
        report = dora.report(
            dora.Query(
                start=start,
                end=end,
                environment=params["environment"],
                service=params.get("service") or None,
                bucket_days=1 if params["bucket"] == "day" else 7,
            )
        )
        return Response(s.DoraSerializer(report).data)
