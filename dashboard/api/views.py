"""The seed's dashboard endpoints: the fleet the caller sees, at a glance."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatops.api.envelope import envelope
from chatops.api.filters import single_param
from dashboard import fleet
from dashboard.api.serializers import (
    FleetHealthSerializer,
    FleetHoursSerializer,
    FleetLogQuerySerializer,
    FleetLogSerializer,
    FleetMetricsSerializer,
)


def _query(serializer_class: type, request: Request, names: tuple[str, ...]) -> dict:
    given = {name: value for name in names if (value := single_param(request, name)) is not None}
    body = serializer_class(data=given)
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


@extend_schema(tags=["dashboard"])
class HealthView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=FleetHealthSerializer, summary="CPU, memory, disk, uptime, open alerts and tickets")
    def get(self, request: Request) -> Response:
        return Response(envelope(FleetHealthSerializer(fleet.health(request.user)).data))


@extend_schema(tags=["dashboard"])
class MetricsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[FleetHoursSerializer],
        responses=FleetMetricsSerializer,
        summary="The health figures, their fleet histories, recent alerts and tickets",
    )
    def get(self, request: Request) -> Response:
        hours = _query(FleetHoursSerializer, request, ("hours",))["hours"]
        return Response(envelope(FleetMetricsSerializer(fleet.metrics(request.user, hours)).data))


@extend_schema(tags=["dashboard"])
class LogsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[FleetLogQuerySerializer],
        responses=FleetLogSerializer(many=True),
        summary="The newest log lines of the fleet you see",
    )
    def get(self, request: Request) -> Response:
        query = _query(FleetLogQuerySerializer, request, ("level", "source", "limit"))
        level = query.get("level")
        lines = fleet.logs(
            request.user, level=level.lower() if level else None, source=query.get("source"), limit=query["limit"]
        )
        return Response(envelope(FleetLogSerializer(lines, many=True).data))
