"""Approvals over REST. Views route; ``approvals.services`` decides."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.actor import Actor
from accounts.permissions import IsAdmin, IsOperator
from approvals import services
from approvals.api.filters import ApprovalFilter
from approvals.api.serializers import ApprovalPolicySerializer, DecisionSerializer, PolicyChangeSerializer
from approvals.models import Approval, ApprovalPolicy, Kind
from approvals.representation import ApprovalSerializer
from chatops.api.envelope import envelope


@extend_schema(tags=["approvals"])
class ApprovalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Approval]):
    """Requests waiting for, or having had, a second person's approval. Operators and admins
    read and decide them; nobody decides their own."""

    serializer_class = ApprovalSerializer
    permission_classes = [IsOperator]
    filterset_class = ApprovalFilter
    sort_fields = ["created_at", "expires_at", "status", "kind"]
    default_sort = "-created_at"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)

    def get_queryset(self) -> QuerySet[Approval]:
        visible = Approval.objects.visible_to(self.request.user)  # type: ignore[arg-type]
        return visible.select_related("requested_by", "decided_by")

    @extend_schema(
        request=DecisionSerializer,
        responses={200: ApprovalSerializer},
        summary="Approve a pending request (not your own): it runs at once, as the requester",
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(request, approve=True)

    @extend_schema(request=DecisionSerializer, responses={200: ApprovalSerializer},
                   summary="Deny a pending request (not your own)")  # fmt: skip
    @action(detail=True, methods=["post"])
    def deny(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(request, approve=False)

    def _decide(self, request: Request, approve: bool) -> Response:
        approval = self.get_object()
        body = DecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        approval = services.decide(Actor.from_request(request), approval, approve, body.validated_data["comment"])
        message = f"Request {approval.status}" if approval.status != "failed" else "Approved, but it failed to run"
        return Response(envelope(ApprovalSerializer(approval).data, message))


@extend_schema(tags=["approvals"])
class ApprovalPolicyViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[ApprovalPolicy]):
    """Per kind of action, whether operators' requests wait for a second person. Operators
    and admins read; admins change."""

    serializer_class = ApprovalPolicySerializer
    pagination_class = None
    lookup_field = "kind"
    lookup_value_regex = "|".join(Kind.values)
    http_method_names = ["get", "put", "head", "options"]

    def get_queryset(self) -> QuerySet[ApprovalPolicy]:
        return ApprovalPolicy.objects.select_related("updated_by")

    def get_permissions(self) -> list[Any]:
        return [IsAdmin()] if self.action == "update" else [IsOperator()]

    @extend_schema(summary="Every kind's policy")
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(envelope(ApprovalPolicySerializer(self.get_queryset(), many=True).data))

    @extend_schema(request=PolicyChangeSerializer, responses={200: ApprovalPolicySerializer},
                   summary="Turn two-person approval on or off for a kind (admins)")  # fmt: skip
    def update(self, request: Request, kind: str) -> Response:
        body = PolicyChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        policy = services.set_policy(Actor.from_request(request), kind, body.validated_data["required"])
        state = "needs a second person" if policy.required else "runs without approval"
        return Response(envelope(ApprovalPolicySerializer(policy).data, f"{kind}: {state}"))
