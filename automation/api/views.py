"""Ansible playbooks over REST. Views route; ``automation.services`` decides."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.permissions import IsOperator
from approvals.representation import ApprovalSerializer
from approvals.services import WAITING, ApprovalPending
from automation import playbooks, services
from automation.api.filters import RunFilter
from automation.api.serializers import (
    ExecuteSerializer,
    ExecutionDetailSerializer,
    ExecutionSerializer,
    ExecutionStartedSerializer,
    PlaybookSerializer,
)
from automation.models import PlaybookRun
from chatops.api.envelope import envelope

STARTED_OR_WAITING = PolymorphicProxySerializer(
    component_name="PlaybookStartedOrApproval",
    serializers=[ExecutionStartedSerializer, ApprovalSerializer],
    resource_type_field_name=None,
)


def playbook_data(playbook: playbooks.Playbook) -> dict[str, Any]:
    return {
        "name": playbook.name,
        "description": playbook.description,
        "plays": playbook.plays,
        "variables": [v.as_dict() for v in playbook.variables],
        "runnable": not playbook.error,
        "error": playbook.error,
    }


@extend_schema(tags=["ansible"], summary="The playbooks of ANSIBLE_PLAYBOOK_DIR, with their variables")
class AvailablePlaybooksView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=PlaybookSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(envelope([playbook_data(p) for p in playbooks.available()]))


@extend_schema(tags=["ansible"])
class ExecuteView(APIView):
    permission_classes = [IsOperator]
    extra_error_codes = ("409",)

    @extend_schema(
        request=ExecuteSerializer,
        responses={202: STARTED_OR_WAITING},
        parameters=[OpenApiParameter("playbook_name", str, OpenApiParameter.PATH, pattern=playbooks.NAME.pattern)],
        summary="Run a playbook (operators): 202 with its execution_id; the worker runs it",
        description="Or, when the `playbook` approval policy holds an operator's run, 202 with the approval it "
        "waits for.",
    )
    def post(self, request: Request, playbook_name: str) -> Response:
        body = ExecuteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        asked = services.RunRequest(
            playbook_name, fields["hosts"], fields["variables"], fields["check"], fields["limit"], fields["tags"]
        )
        try:
            run = services.execute_playbook(Actor.from_request(request), asked)
        except ApprovalPending as pending:
            waiting = ApprovalSerializer(pending.approval).data
            return Response(envelope(waiting, WAITING), status=status.HTTP_202_ACCEPTED)
        data = {
            "execution_id": run.pk,
            "status": run.status,
            "playbook": run.playbook,
            "hosts": run.hosts,
            "skipped_hosts": run.skipped_hosts,
        }
        return Response(envelope(data, "Playbook execution started"), status=status.HTTP_202_ACCEPTED)


class _Runs:
    def get_queryset(self) -> QuerySet[PlaybookRun]:
        if getattr(self, "swagger_fake_view", False):
            return PlaybookRun.objects.none()
        user = self.request.user  # type: ignore[attr-defined]
        return PlaybookRun.objects.visible_to(user).select_related("requested_by").prefetch_related("servers")


@extend_schema(tags=["ansible"], summary="Playbook runs, newest first (filters: playbook, status, server)")
class ExecutionListView(_Runs, generics.ListAPIView[PlaybookRun]):
    serializer_class = ExecutionSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = RunFilter
    sort_fields = ["created_at", "finished_at", "playbook", "status"]
    default_sort = "-created_at"


@extend_schema(tags=["ansible"], summary="One run: per-host stats, task results and output")
class ExecutionDetailView(_Runs, generics.RetrieveAPIView[PlaybookRun]):
    serializer_class = ExecutionDetailSerializer
    permission_classes = [IsAuthenticated]
    lookup_url_kwarg = "execution_id"


@extend_schema(tags=["ansible"])
class ExecutionCancelView(_Runs, generics.GenericAPIView[PlaybookRun]):
    serializer_class = ExecutionSerializer
    permission_classes = [IsOperator]
    lookup_url_kwarg = "execution_id"
    extra_error_codes = ("409",)

    @extend_schema(request=None, responses={202: ExecutionSerializer},
                   summary="Cancel a run (operators): stopped within about a second")  # fmt: skip
    def post(self, request: Request, execution_id: int) -> Response:
        run = services.cancel_run(Actor.from_request(request), self.get_object())
        return Response(envelope(ExecutionSerializer(run).data, "Cancel requested"), status=status.HTTP_202_ACCEPTED)
