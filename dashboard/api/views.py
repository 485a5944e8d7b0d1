"""The seed's dashboard endpoints: the fleet the caller sees, at a glance."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatops.api.envelope import envelope
from chatops.api.filters import single_param
from dashboard import fleet
from dashboard.api.serializers import (
    LEVELS,
    HealthSerializer,
    HoursSerializer,
    LogQuerySerializer,
    LogSerializer,
    MetricsSerializer,
)


def _query(serializer_class: type, request: Request, names: tuple[str, ...]) -> dict:
    given = {name: value for name in names if (value := single_param(request, name)) is not None}
    body = serializer_class(data=given)
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


@extend_schema(tags=["dashboard"])
class HealthView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=HealthSerializer, summary="CPU, memory, disk, uptime, open alerts and tickets")
    def get(self, request: Request) -> Response:
        return Response(envelope(HealthSerializer(fleet.health(request.user)).data))


@extend_schema(tags=["dashboard"])
class MetricsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("hours", int, description="Hours of history (1-2160, default 24).")],
        responses=MetricsSerializer,
        summary="The health figures, their fleet histories, recent alerts and tickets",
    )
    def get(self, request: Request) -> Response:
        hours = _query(HoursSerializer, request, ("hours",))["hours"]
        return Response(envelope(MetricsSerializer(fleet.metrics(request.user, hours)).data))


@extend_schema(tags=["dashboard"])
class LogsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[
            OpenApiParameter("level", str, enum=LEVELS),
            OpenApiParameter("source", str, description="Exactly this source."),
            OpenApiParameter("limit", int, description="At most this many lines (1-1000, default 100)."),
        ],
        responses=LogSerializer(many=True),
        summary="The newest log lines of the fleet you see",
    )
    def get(self, request: Request) -> Response:
        query = _query(LogQuerySerializer, request, ("level", "source", "limit"))
        level = query.get("level")
        lines = fleet.logs(
            request.user, level=level.lower() if level else None, source=query.get("source"), limit=query["limit"]
        )
        return Response(envelope(LogSerializer(lines, many=True).data))
