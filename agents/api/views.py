"""Commands and Docker over REST. Views route; ``agents.commands`` decides and waits."""

from __future__ import annotations

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

from accounts.permissions import IsOperator
from agents import commands
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
from agents.models import CommandHistory, ConnectionEvent
from chatops.api.envelope import envelope
from chatops.api.exceptions import Conflict
from chatops.api.filters import single_param
from monitoring.api.views import visible_server
from monitoring.models import ContainerSnapshot

Status = CommandHistory.Status
CONTAINER_FIELDS = list(ContainerSerializer().fields)
WAIT_GRACE_SECONDS = 15
NO_DOCKER = "Docker control is off on this server's agent (started without --allow-docker)"


class AgentOffline(Conflict):
    default_detail = "The server's agent is not connected."
    default_code = "agent_offline"


class CommandRejected(Conflict):
    default_detail = "The agent refused to run the command."
    default_code = "command_rejected"


class DockerUnavailable(Conflict):
    default_detail = "Docker control is not available on this server."
    default_code = "docker_unavailable"


class DockerError(Conflict):
    default_detail = "The Docker engine refused the request."
    default_code = "docker_error"


def container(item: Any) -> dict[str, Any]:
    """What the agent reported, reduced to the documented fields (the agent is trusted with
    data about its own server, not with the shape of our API)."""
    item = item if isinstance(item, dict) else {}
    return {name: item.get(name) for name in CONTAINER_FIELDS}


def row(history: CommandHistory) -> Any:
    return CommandHistorySerializer(history).data


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

    def get_queryset(self) -> QuerySet[CommandHistory]:
        if getattr(self, "swagger_fake_view", False):
            return CommandHistory.objects.none()
        server = visible_server(self.request, self.kwargs["server_id"])
        return CommandHistory.objects.filter(server=server).select_related("requested_by")

    @extend_schema(summary="The server's command history")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CommandRequestSerializer,
        responses={200: CommandHistorySerializer, 202: CommandHistorySerializer},
        summary="Run a command (the agent must allow it)",
    )
    def post(self, request: Request, server_id: int) -> Response:
        server = visible_server(request, server_id)
        body = CommandRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        history = commands.request_command(request, server, fields["command"], fields["timeout"])
        if history.status == Status.AGENT_OFFLINE:
            raise AgentOffline(
                f"The server's agent is not connected (recorded as command {history.pk}).", data=row(history)
            )
        if not fields["wait"]:
            commands.dispatch(history)
            history.refresh_from_db()
            return Response(
                envelope(CommandHistorySerializer(history).data, "Command sent"), status=status.HTTP_202_ACCEPTED
            )
        history = commands.run_and_wait(history, history.timeout + WAIT_GRACE_SECONDS)
        # A command that did not run is a 409, whatever stopped it; one that ran is a 200,
        # whatever its exit code. Either way the body carries the execution.
        if history.status == Status.AGENT_OFFLINE:
            raise AgentOffline(
                f"The server's agent did not answer (recorded as command {history.pk}).", data=row(history)
            )
        if history.status == Status.REJECTED:
            detail = f"The agent refused the command: {history.reason} (recorded as command {history.pk})."
            raise CommandRejected(detail, data=row(history))
        return Response(envelope(CommandHistorySerializer(history).data, f"Command {history.status}"))


@extend_schema(tags=["commands"], summary="One command of the server's history")
class CommandDetailView(generics.RetrieveAPIView[CommandHistory]):
    serializer_class = CommandHistorySerializer
    permission_classes = [IsOperator]
    lookup_url_kwarg = "history_id"

    def get_queryset(self) -> QuerySet[CommandHistory]:
        if getattr(self, "swagger_fake_view", False):
            return CommandHistory.objects.none()
        server = visible_server(self.request, self.kwargs["server_id"])
        return CommandHistory.objects.filter(server=server).select_related("requested_by")


def _docker(request: Request, server_id: int, action: str, container_id: str = "", **extra: Any) -> CommandHistory:
    server = visible_server(request, server_id)
    history = commands.request_docker(request, server, action, container_id)
    if history.status == Status.AGENT_OFFLINE:
        return history
    return commands.run_and_wait(history, commands.DOCKER_WAIT_SECONDS, **extra)


def _raise_for(history: CommandHistory) -> None:
    if history.status == Status.SUCCEEDED:
        return
    if history.status == Status.REJECTED:
        raise DockerUnavailable(history.reason or None)
    if history.status == Status.FAILED:
        if "no such container" in history.reason.lower() or "not found" in history.reason.lower():
            raise NotFound(history.reason)
        raise DockerError(history.reason or None)
    raise AgentOffline(f"The agent did not answer ({history.status}, recorded as {history.pk}).")


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
        query = ContainerListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        server = visible_server(request, server_id)
        capabilities = ConnectionEvent.objects.capabilities(server.pk)
        docker_control = None if capabilities is None else "docker" in capabilities
        if not query.validated_data["live"]:
            return self._reported(server.pk, docker_control, "asked for the reported list")
        if docker_control is False:
            # Asking would only write a rejected history row and audit entry per page view.
            return self._reported(server.pk, False, NO_DOCKER)
        history = _docker(request, server_id, "list")
        if history.status == Status.SUCCEEDED:
            items = history.result if isinstance(history.result, list) else []
            data = {"live": True, "reported_at": history.finished_at, "age_seconds": 0.0, "reason": "",
                    "docker_control": True, "containers": [container(i) for i in items]}  # fmt: skip
            return Response(envelope(ContainerListSerializer(data).data))
        snapshot = ContainerSnapshot.objects.filter(server_id=server_id).first()
        if history.status == Status.REJECTED or snapshot is None:
            _raise_for(history)
        assert snapshot is not None
        data = {
            "live": False,
            "reported_at": snapshot.reported_at,
            "age_seconds": round((timezone.now() - snapshot.reported_at).total_seconds(), 1),
            "reason": history.reason or history.status,
            "docker_control": docker_control,
            "containers": [container(i) for i in snapshot.items],
        }
        return Response(envelope(ContainerListSerializer(data).data, "The last list the agent reported"))

    def _reported(self, server_id: int, docker_control: bool | None, reason: str) -> Response:
        """The list the agent last reported with its samples: no call to the agent, so no
        history row or audit entry (for pages that show containers without acting)."""
        snapshot = ContainerSnapshot.objects.filter(server_id=server_id).first()
        data = {
            "live": False,
            "reported_at": snapshot.reported_at if snapshot else None,
            "age_seconds": round((timezone.now() - snapshot.reported_at).total_seconds(), 1) if snapshot else None,
            "reason": reason if snapshot or docker_control is False else "the agent has not reported containers",
            "docker_control": docker_control,
            "containers": [container(i) for i in snapshot.items] if snapshot else [],
        }
        return Response(envelope(ContainerListSerializer(data).data, "The last list the agent reported"))


@extend_schema(tags=["docker"])
class ContainerActionView(APIView):
    permission_classes = [IsOperator]
    throttle_scope = "commands"
    extra_error_codes = ("409",)
    action_name = ""

    @extend_schema(request=None, responses=ContainerSerializer)
    def post(self, request: Request, server_id: int, container_id: str) -> Response:
        history = _docker(request, server_id, self.action_name, container_id)
        _raise_for(history)
        done = {"start": "started", "stop": "stopped", "restart": "restarted"}[self.action_name]
        return Response(envelope(container(history.result), f"Container {done}"))


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
        history = _docker(request, server_id, "logs", container_id, **extra)
        _raise_for(history)
        result = cast(dict[str, Any], history.result if isinstance(history.result, dict) else {})
        lines = [str(line) for line in result.get("lines", [])]
        return Response(envelope({"lines": lines, "truncated": bool(result.get("truncated", False))}))
