"""Commands and Docker over REST. Views validate, call one ``agents.services`` use case and
serialize."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.permissions import IsOperator
from agents import services
from agents.api.filters import CommandHistoryFilter
from agents.api.serializers import (
    CommandHistorySerializer,
    CommandRequestSerializer,
    ContainerListQuerySerializer,
    ContainerListSerializer,
    ContainerLogsQuerySerializer,
    ContainerLogsSerializer,
    ContainerSerializer,
)
from agents.models import CommandHistory
from approvals.representation import ApprovalSerializer
from approvals.services import WAITING, ApprovalPending
from chatops.api.envelope import envelope
from chatops.api.filters import single_param
from servers.services import visible_server


def waiting(pending: ApprovalPending) -> Response:
    """202: the request waits for a second person; ``data`` is the approval."""
    return Response(envelope(ApprovalSerializer(pending.approval).data, WAITING), status=status.HTTP_202_ACCEPTED)


#: A 202 of ``POST /commands/{server}``: the command sent (``wait: false``), or the approval
#: it waits for.
SENT_OR_WAITING = PolymorphicProxySerializer(
    component_name="CommandSentOrApproval",
    serializers=[CommandHistorySerializer, ApprovalSerializer],
    resource_type_field_name=None,
)


@contextmanager
def history_as_data() -> Iterator[None]:
    """A command that did not run is a 409 whose body carries the row it left (``data``)."""
    try:
        yield
    except services.RemoteConflict as exc:
        if exc.history is not None:
            exc.data = CommandHistorySerializer(exc.history).data
        raise


@extend_schema(tags=["commands"])
class CommandsView(generics.ListAPIView[CommandHistory]):
    """Run a command on a server through its agent, and read the server's command history.
    Operators and admins only: commands and their output can carry secrets."""

    serializer_class = CommandHistorySerializer
    permission_classes = [IsOperator]
    filterset_class = CommandHistoryFilter
    sort_fields = ["created_at", "status"]
    default_sort = "-created_at"
    extra_error_codes = ("409",)

    def get_throttles(self) -> list[Any]:
        self.throttle_scope = "commands" if self.request.method == "POST" else "default"
        return super().get_throttles()

    def get_permissions(self) -> list[Any]:
        # Running one: the service refuses viewers itself, and records the refusal.
        return [IsAuthenticated()] if self.request.method == "POST" else list(super().get_permissions())

    def get_queryset(self) -> QuerySet[CommandHistory]:
        if getattr(self, "swagger_fake_view", False):
            return CommandHistory.objects.none()
        server = visible_server(Actor.from_request(self.request), self.kwargs["server_id"])
        return CommandHistory.objects.filter(server=server).select_related("requested_by")

    @extend_schema(summary="The server's command history")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CommandRequestSerializer,
        responses={200: CommandHistorySerializer, 202: SENT_OR_WAITING},
        summary="Run a command (the agent must allow it)",
        description="202: sent without waiting (`wait: false`: the command's row), or held for a second "
        "person's approval when the `run` policy asks for one (an operator's command: the approval).",
    )
    def post(self, request: Request, server_id: int) -> Response:
        actor = Actor.from_request(request)
        server = visible_server(actor, server_id)
        body = CommandRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        try:
            with history_as_data():
                history = services.run_command(
                    actor, server, fields["command"], timeout=fields["timeout"], wait=fields["wait"]
                )
        except ApprovalPending as pending:
            return waiting(pending)
        data = CommandHistorySerializer(history).data
        if not fields["wait"]:
            return Response(envelope(data, "Command sent"), status=status.HTTP_202_ACCEPTED)
        # A command that ran is a 200, whatever its exit code.
        return Response(envelope(data, f"Command {history.status}"))


@extend_schema(tags=["commands"], summary="One command of the server's history")
class CommandDetailView(generics.RetrieveAPIView[CommandHistory]):
    serializer_class = CommandHistorySerializer
    permission_classes = [IsOperator]
    lookup_url_kwarg = "history_id"

    def get_queryset(self) -> QuerySet[CommandHistory]:
        if getattr(self, "swagger_fake_view", False):
            return CommandHistory.objects.none()
        server = visible_server(Actor.from_request(self.request), self.kwargs["server_id"])
        return CommandHistory.objects.filter(server=server).select_related("requested_by")


@extend_schema(tags=["docker"])
class ContainersView(APIView):
    permission_classes = [IsAuthenticated]
    extra_error_codes = ("409",)

    @extend_schema(
        parameters=[ContainerListQuerySerializer],
        responses=ContainerListSerializer,
        summary="The server's containers (live, or as last reported)",
    )
    def get(self, request: Request, server_id: int) -> Response:
        query = ContainerListQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        actor = Actor.from_request(request)
        found = services.list_containers(actor, visible_server(actor, server_id), live=query.validated_data["live"])
        data = {
            "live": found.live,
            "reported_at": found.reported_at,
            "age_seconds": found.age_seconds,
            "reason": found.reason,
            "docker_control": found.docker_control,
            "containers": found.containers,
        }
        return Response(envelope(ContainerListSerializer(data).data, found.message))


@extend_schema(tags=["docker"])
class ContainerActionView(APIView):
    # Operators and admins: the service refuses the others itself, and records the refusal.
    permission_classes = [IsAuthenticated]
    throttle_scope = "commands"
    extra_error_codes = ("409",)
    action_name = ""

    @extend_schema(
        request=None,
        responses={200: ContainerSerializer, 202: ApprovalSerializer},
        description="202 (restart and stop): held for a second person's approval when the action's policy "
        "asks for one (an operator's request: the approval).",
    )
    def post(self, request: Request, server_id: int, container_id: str) -> Response:
        actor = Actor.from_request(request)
        try:
            history = services.run_docker(actor, visible_server(actor, server_id), self.action_name, container_id)
        except ApprovalPending as pending:
            return waiting(pending)
        done = {"start": "started", "stop": "stopped", "restart": "restarted"}[self.action_name]
        return Response(envelope(services.container_fields(history.result), f"Container {done}"))


@extend_schema_view(post=extend_schema(responses=ContainerSerializer, description=""))  # never held back
class StartContainerView(ContainerActionView):
    action_name = "start"


class StopContainerView(ContainerActionView):
    action_name = "stop"


class RestartContainerView(ContainerActionView):
    action_name = "restart"


@extend_schema(tags=["docker"])
class ContainerLogsView(APIView):
    permission_classes = [IsOperator]
    extra_error_codes = ("409",)

    @extend_schema(parameters=[ContainerLogsQuerySerializer], responses=ContainerLogsSerializer,
                   summary="A container's logs")  # fmt: skip
    def get(self, request: Request, server_id: int, container_id: str) -> Response:
        raw = {name: single_param(request, name) for name in ("tail", "since")}
        query = ContainerLogsQuerySerializer(data={k: v for k, v in raw.items() if v is not None})
        query.is_valid(raise_exception=True)
        extra: dict[str, Any] = {"tail": query.validated_data["tail"]}
        if "since" in query.validated_data:
            extra["since"] = int(query.validated_data["since"].timestamp())
        actor = Actor.from_request(request)
        history = services.run_docker(actor, visible_server(actor, server_id), "logs", container_id, **extra)
        result = cast(dict[str, Any], history.result if isinstance(history.result, dict) else {})
        lines = [str(line) for line in result.get("lines", [])]
        return Response(envelope({"lines": lines, "truncated": bool(result.get("truncated", False))}))
