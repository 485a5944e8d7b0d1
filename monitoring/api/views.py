"""Metrics and logs over REST. Views route; queries and services decide."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.models import User
from accounts.permissions import IsOperator
from chatops.api.envelope import envelope
from chatops.api.filters import single_param
from chatops.api.renderers import RawJSON
from monitoring import catalog, queries, services
from monitoring.api.custom import CatalogEntrySerializer, CustomHistoryQuerySerializer, CustomHistorySerializer
from monitoring.api.filters import CustomMetricFilter, LogLineFilter
from monitoring.api.serializers import (
    AcceptedSerializer,
    CustomMetricBatchSerializer,
    CustomMetricSerializer,
    HistoryQuerySerializer,
    HistorySerializer,
    LatestSampleSerializer,
    LogLineSerializer,
    RecentQuerySerializer,
    RecentSerializer,
)
from monitoring.models import CustomMetric, LatestSample, LogLine
from servers.models import Server
from servers.services import visible_server


@extend_schema(tags=["metrics"])
class LatestMetricsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=LatestSampleSerializer, summary="The server's latest sample")
    def get(self, request: Request, server_id: int) -> Response:
        server = visible_server(Actor.from_request(request), server_id)
        latest = LatestSample.objects.filter(server=server).first()
        if latest is None:
            data: dict[str, Any] = {"server_id": server.pk, "ts": None, "age_seconds": None, "values": {}, "top": None}
            return Response(envelope(data, "No metrics received yet"))
        data = {
            "server_id": server.pk,
            "ts": latest.ts,
            "age_seconds": round((timezone.now() - latest.ts).total_seconds(), 3),
            "values": latest.values,
            "top": latest.top,
        }
        return Response(envelope(LatestSampleSerializer(data).data))


@extend_schema(tags=["metrics"])
class HistoryView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[HistoryQuerySerializer],
        responses=HistorySerializer,
        summary="A metric over time, in at most `points` buckets (avg, min, max)",
    )
    def get(self, request: Request, server_id: int) -> Response:
        server = visible_server(Actor.from_request(request), server_id)
        raw = {name: single_param(request, name) for name in ("metric", "start", "end", "points")}
        query = HistoryQuerySerializer(data={k: v for k, v in raw.items() if v is not None})
        query.is_valid(raise_exception=True)
        found = queries.history(server.pk, **query.validated_data)
        data = {
            "server_id": server.pk,
            "metric": found.metric,
            "start": found.start,
            "end": found.end,
            "source": found.source,
            "bucket_seconds": found.bucket_seconds,
        }
        body = HistorySerializer(data).data
        # Written by the database as JSON (queries.History), in the shape HistoryPointSerializer
        # documents, and put into the response as it is.
        body["points"] = RawJSON(found.points_json)
        return Response(envelope(body))


@extend_schema(tags=["metrics"])
class RecentMetricsView(APIView):
    """One metric's last minutes for every server the user sees, in 1-minute averages (from the
    rollups, so the newest minute or two are not there yet): the overview's sparklines from one
    request, never one per server. Servers without data are left out."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[RecentQuerySerializer],
        responses=RecentSerializer(many=True),
        summary="The last minutes of a metric, for every server",
    )
    def get(self, request: Request) -> Response:
        raw = {name: single_param(request, name) for name in ("metric", "minutes")}
        query = RecentQuerySerializer(data={k: v for k, v in raw.items() if v is not None})
        query.is_valid(raise_exception=True)
        since = timezone.now() - timedelta(minutes=query.validated_data["minutes"])
        visible = Server.objects.visible_to(cast(User, request.user)).values("pk")
        found = queries.recent(visible, query.validated_data["metric"], since)
        data = [{"server_id": pk, "points": [{"ts": ts, "avg": avg} for ts, avg in rows]} for pk, rows in found.items()]
        return Response(envelope(RecentSerializer(data, many=True).data))


@extend_schema(tags=["logs"], summary="The server's log lines, newest first")
class LogsView(generics.ListAPIView[LogLine]):
    permission_classes = [IsAuthenticated]
    serializer_class = LogLineSerializer
    filterset_class = LogLineFilter
    sort_fields = ["ts", "level"]
    default_sort = "-ts"

    def get_queryset(self) -> QuerySet[LogLine]:
        if getattr(self, "swagger_fake_view", False):
            return LogLine.objects.none()
        return LogLine.objects.filter(server=visible_server(Actor.from_request(self.request), self.kwargs["server_id"]))


@extend_schema(tags=["metrics"])
class CustomMetricsView(generics.ListAPIView[CustomMetric]):
    """Points sent by scripts and CI. Everyone reads; operators and admins send."""

    serializer_class = CustomMetricSerializer
    filterset_class = CustomMetricFilter
    sort_fields = ["ts", "name", "value"]
    default_sort = "-ts"

    def get_queryset(self) -> QuerySet[CustomMetric]:
        return CustomMetric.objects.visible_to(self.request.user)

    def get_permissions(self) -> list[Any]:
        return [IsOperator()] if self.request.method == "POST" else [IsAuthenticated()]

    @extend_schema(summary="Custom metric points")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CustomMetricBatchSerializer,
        responses={201: AcceptedSerializer},
        summary="Send custom metric points (up to 1000 at once)",
    )
    def post(self, request: Request) -> Response:
        batch = CustomMetricBatchSerializer(data=request.data, context={"request": request})
        batch.is_valid(raise_exception=True)
        count = services.record_custom_metrics(Actor.from_request(request), batch.validated_data["metrics"])
        return Response(envelope({"accepted_count": count}, "Metrics accepted"), status=status.HTTP_201_CREATED)


@extend_schema(tags=["metrics"])
class MetricCatalogView(APIView):
    """What a threshold may watch, with labels and units: the dashboard's metric picker."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=CatalogEntrySerializer(many=True), summary="The metrics the fleet and scripts report")
    def get(self, request: Request) -> Response:
        return Response(envelope(CatalogEntrySerializer(catalog.catalogue(request.user), many=True).data))


@extend_schema(tags=["metrics"])
class CustomHistoryView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[CustomHistoryQuerySerializer],
        responses=CustomHistorySerializer,
        summary="A custom metric over time, in at most `points` buckets (avg, min, max)",
    )
    def get(self, request: Request) -> Response:
        raw = {name: single_param(request, name) for name in ("name", "tags", "start", "end", "points")}
        query = CustomHistoryQuerySerializer(data={k: v for k, v in raw.items() if v is not None})
        query.is_valid(raise_exception=True)
        found_name: str = query.validated_data["name"]
        unit = catalog.custom_unit(found_name)
        if unit is None:
            raise NotFound("No custom metric has that name.")
        tags = query.validated_data.get("tags", [])
        found = queries.custom_history(
            found_name,
            tags,
            **{k: query.validated_data[k] for k in ("start", "end", "points")},
            rows=CustomMetric.objects.visible_to(request.user),
        )
        data = {
            "name": found.metric,
            "tags": dict(tags),
            "unit": unit,
            "start": found.start,
            "end": found.end,
            "source": found.source,
            "bucket_seconds": found.bucket_seconds,
        }
        body = CustomHistorySerializer(data).data
        body["points"] = RawJSON(found.points_json)  # as in HistoryView
        return Response(envelope(body))
