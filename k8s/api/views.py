"""Kubernetes over REST. Views route; ``k8s.services`` and ``k8s.actions`` decide.

Everyone who may see a cluster's server reads the cluster (viewers and up; teams by the
server's tags); admins register, change and delete polled clusters; operators and admins
restart deployments.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.choices import Role
from accounts.permissions import IsAdmin, IsOperator
from approvals.representation import ApprovalSerializer
from approvals.services import WAITING, ApprovalPending
from chatops.api.envelope import envelope
from chatops.api.filters import single_param
from k8s import actions, services
from k8s.api.filters import NodeFilter, PodFilter
from k8s.api.serializers import (
    ClusterDetailSerializer,
    ClusterSerializer,
    ClusterUpdateSerializer,
    ClusterWriteSerializer,
    NodeSerializer,
    PodSerializer,
    RestartRequestSerializer,
    RolloutRestartSerializer,
)
from k8s.models import Cluster, ClusterSample, Node, Pod

MAX_HISTORY = 500
HOURS = OpenApiParameter(
    "hours", int, description="History of the last hours (1-720, default 24); at most 500 points, evenly thinned."
)

RESTARTED_OR_WAITING = PolymorphicProxySerializer(
    component_name="RolloutRestartOrApproval",
    serializers=[RolloutRestartSerializer, ApprovalSerializer],
    resource_type_field_name=None,
)


def _hours(request: Request) -> int:
    raw = single_param(request, "hours")
    if raw is None:
        return 24
    if not raw.isdigit() or not 1 <= int(raw) <= 720:
        raise ValidationError({"hours": ["A whole number from 1 to 720."]})
    return int(raw)


@extend_schema(tags=["kubernetes"])
class ClusterViewSet(viewsets.GenericViewSet[Cluster]):
    """Clusters, their nodes and pods (the latest snapshot), and their history."""

    serializer_class = ClusterSerializer
    permission_classes = [IsAuthenticated]
    filterset_class: type | None = None
    lookup_field = "name"
    lookup_value_regex = r"[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    sort_fields = ["name", "created_at", "last_snapshot_at"]
    default_sort = "name"

    def get_permissions(self) -> list[Any]:
        if getattr(self, "action", None) in ("create", "partial_update", "destroy"):
            return [IsAdmin()]
        return list(super().get_permissions())

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):
            # The schema reads the filters of nodes and pods against their own models.
            model = {"nodes": Node, "pods": Pod}.get(getattr(self, "action", "") or "", Cluster)
            return model.objects.none()  # type: ignore[attr-defined]
        return Cluster.objects.visible_to(self.request.user).select_related("server").prefetch_related("server__tags")

    def get_object(self) -> Cluster:
        return get_object_or_404(self.get_queryset(), name__iexact=self.kwargs["name"])

    def _detail(self, cluster: Cluster, hours: int = 24) -> dict[str, Any]:
        since = timezone.now() - timedelta(hours=hours)
        samples = list(ClusterSample.objects.filter(cluster=cluster, ts__gte=since).order_by("ts"))
        step = max(1, -(-len(samples) // MAX_HISTORY))
        cluster.history_samples = samples[::step]  # type: ignore[attr-defined]
        if not self.request.user.has_role(Role.ADMIN):  # type: ignore[union-attr]
            cluster.api_url = ""
        return ClusterDetailSerializer(cluster).data

    @extend_schema(
        summary="Clusters you may see: name, version, status and counts", responses=ClusterSerializer(many=True)
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        return self.get_paginated_response(ClusterSerializer(page, many=True).data)

    @extend_schema(summary="A cluster with its history (node count, pod phases, usage over time)",
                   parameters=[HOURS], responses=ClusterDetailSerializer)  # fmt: skip
    def retrieve(self, request: Request, name: str | None = None) -> Response:
        hours = _hours(request)
        return Response(envelope(self._detail(self.get_object(), hours)))

    @extend_schema(summary="Register a cluster the hub polls (admins)", request=ClusterWriteSerializer,
                   responses={201: ClusterDetailSerializer})  # fmt: skip
    def create(self, request: Request) -> Response:
        body = ClusterWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        cluster = services.register_cluster(Actor.from_request(request), **body.validated_data)
        return Response(envelope(self._detail(cluster), "Cluster registered"), status=status.HTTP_201_CREATED)

    @extend_schema(summary="Change a polled cluster's credentials, interval, actions or tags (admins)",
                   request=ClusterUpdateSerializer, responses=ClusterDetailSerializer)  # fmt: skip
    def partial_update(self, request: Request, name: str | None = None) -> Response:
        cluster = self.get_object()
        body = ClusterUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        fields = dict(body.validated_data)
        if cluster.mode == "push" and set(fields) - {"tags"}:
            raise ValidationError({"mode": ["A pushed cluster is configured by its agent; only tags change here."]})
        cluster = services.update_cluster(Actor.from_request(request), cluster, **fields)
        return Response(envelope(self._detail(cluster), "Cluster updated"))

    @extend_schema(summary="Delete a cluster and its data (admins)", responses={200: None})
    def destroy(self, request: Request, name: str | None = None) -> Response:
        services.delete_cluster(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Cluster deleted"))

    @extend_schema(summary="The cluster's nodes (latest snapshot)", responses=NodeSerializer(many=True))
    @action(detail=True, methods=["get"], filterset_class=NodeFilter, sort_fields=None)
    def nodes(self, request: Request, name: str | None = None) -> Response:
        cluster = self.get_object()
        nodes = NodeFilter(request.query_params, queryset=Node.objects.filter(cluster=cluster).order_by("name"))
        if not nodes.is_valid():
            raise ValidationError(nodes.errors)
        page = self.paginate_queryset(nodes.qs)
        assert page is not None
        return self.get_paginated_response(NodeSerializer(page, many=True).data)

    @extend_schema(
        summary="The cluster's pods (latest snapshot), filtered by the hub", responses=PodSerializer(many=True)
    )
    @action(detail=True, methods=["get"], filterset_class=PodFilter, sort_fields=None)
    def pods(self, request: Request, name: str | None = None) -> Response:
        cluster = self.get_object()
        pods = PodFilter(
            request.query_params, queryset=Pod.objects.filter(cluster=cluster).order_by("namespace", "name")
        )
        if not pods.is_valid():
            raise ValidationError(pods.errors)
        page = self.paginate_queryset(pods.qs)
        assert page is not None
        return self.get_paginated_response(PodSerializer(page, many=True).data)


@extend_schema(tags=["kubernetes"])
class RestartView(APIView):
    """A deployment's rollout restart (operators and admins)."""

    permission_classes = [IsOperator]
    # 409 actions_disabled: the cluster's owner has not enabled actions.
    extra_error_codes = ("409",)

    @extend_schema(
        summary="Rollout restart of a deployment (operators; the cluster's owner must enable actions)",
        request=RestartRequestSerializer, responses={200: RolloutRestartSerializer, 202: RESTARTED_OR_WAITING},
        description="200: the restart's outcome (succeeded, failed, rejected, agent_offline, timed_out). "
        "202: held for a second person's approval when the k8s_restart policy asks for one.",
    )  # fmt: skip
    def post(self, request: Request, name: str) -> Response:
        actor = Actor.from_request(request)
        cluster = get_object_or_404(Cluster.objects.visible_to(actor.user), name__iexact=name)
        body = RestartRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            row = actions.request_restart(
                actor,
                cluster,
                body.validated_data["namespace"],
                body.validated_data["deployment"],
            )
        except ApprovalPending as pending:
            return Response(
                envelope(ApprovalSerializer(pending.approval).data, WAITING), status=status.HTTP_202_ACCEPTED
            )
        return Response(envelope(RolloutRestartSerializer(row).data, f"Restart {row.status}"))
