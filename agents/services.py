"""The hub's side of an agent's life (enrolment, connect, disconnect) and what people ask of
it (a command, a Docker action, the container list), each use case one function taking an
``Actor``. ``agents.remote`` carries the requests to the agent and waits for the answers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import NotFound, PermissionDenied

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import APIKey
from accounts.services import record_audit
from agents import remote
from agents.models import CommandHistory, ConnectionEvent
from agents.protocol import Hello
from approvals.services import gate
from chatops.api.exceptions import Conflict
from chatops.realtime import publish_after_commit
from monitoring.events import FLEET_METRICS_GROUP, Event, ServerStatusEvent, server_metrics_group
from monitoring.models import ContainerSnapshot
from monitoring.services import last_seq
from servers.choices import ServerStatus
from servers.models import Server

logger = logging.getLogger(__name__)


def announce_status(servers: list[tuple[int, datetime | None]], status: str) -> None:
    """After commit, tell the fleet view and each server's page that servers (id, last seen)
    went online or offline (a sample also says online; nothing else says offline), in one
    publish."""
    events: list[tuple[str, Event]] = []
    for server_id, last_seen in servers:
        seen = last_seen.timestamp() if last_seen else None
        event = ServerStatusEvent(type="server.status", server_id=server_id, status=status, last_seen=seen)
        events += [(FLEET_METRICS_GROUP, event), (server_metrics_group(server_id), event)]
    publish_after_commit(events)


class EnrolmentRefused(Exception):
    """The key may not enrol a server with this hostname (close 4403)."""


@dataclass(frozen=True)
class Session:
    server_id: int
    server_name: str
    last_seq: int


def agent_connected(actor: Actor, hello: Hello) -> Session:
    """Find the agent's server (an agent key's own; for an enrolment key, the server named by
    the hostname, created if missing), fill its facts from the hello, mark it online and
    record the connection. ``actor`` is the socket's: the key's owner, the key and the
    agent's address."""
    key, ip = actor.api_key, actor.ip
    if key is None:
        raise EnrolmentRefused("an agent acts with its API key")
    with transaction.atomic():
        if key.is_agent_key and key.server_id is not None:
            server = Server.objects.select_for_update().get(pk=key.server_id)
        elif key.is_enrolment_key:
            server = _enrol(actor, key, hello["hostname"])
        else:
            raise EnrolmentRefused("this key is not an agent key or an admin's enrolment key")
        server.os = (f"{hello['os']} ({hello['kernel']})" if hello["kernel"] else hello["os"])[:100]
        server.agent_version = hello["agent_version"]
        server.status = ServerStatus.ONLINE
        server.last_seen = timezone.now()
        if ip and server.ip_address is None:
            server.ip_address = ip
        server.save(update_fields=["os", "agent_version", "status", "last_seen", "ip_address", "updated_at"])
        announce_status([(server.pk, server.last_seen)], ServerStatus.ONLINE)
        ConnectionEvent.objects.create(
            server=server,
            kind=ConnectionEvent.Kind.CONNECT,
            ip_address=ip,
            agent_version=hello["agent_version"],
            api_key=key,
            details={
                "stream": hello["stream"],
                "capabilities": hello["capabilities"],
                "cpu_count": hello["cpu_count"],
                "memory_total_bytes": hello["memory_total_bytes"],
                "interval": hello["interval"],
            },
        )
    return Session(server_id=server.pk, server_name=server.name, last_seq=last_seq(server.pk, hello["stream"]))


def _enrol(actor: Actor, key: APIKey, hostname: str) -> Server:
    """The server ``hostname`` names, locked, for an enrolment key; created if missing. Never
    a server that an agent key speaks for, nor one that another live key has connected as:
    whoever holds an enrolment key must not take over a server enrolled through another."""
    server = Server.objects.select_for_update().filter(hostname__iexact=hostname).first()
    if server is None:
        server = Server.objects.create(name=hostname, hostname=hostname, created_by=key.user)
        record_audit(
            "server.enrolled",
            actor=actor,
            target=server,
            details={"hostname": hostname, "via": "agent"},
        )
        return server
    live = APIKey.objects.active()
    if live.filter(server=server).exists():
        raise EnrolmentRefused(f"server {server.name!r} has an agent key: its agent must use that key")
    connected = ConnectionEvent.objects.filter(server=server).exclude(api_key=key).values("api_key")
    if any(other.opens_agent_socket for other in live.filter(pk__in=connected).select_related("user")):
        raise EnrolmentRefused(f"server {server.name!r} was enrolled with another key, which is still valid")
    return server


def agent_disconnected(server_id: int, reason: str, *, ip: str | None, agent_version: str, replaced: bool) -> None:
    """Record the disconnect; mark the server offline unless a newer socket replaced this one."""
    with transaction.atomic():
        ConnectionEvent.objects.create(
            server_id=server_id,
            kind=ConnectionEvent.Kind.DISCONNECT,
            reason=reason[:200],
            ip_address=ip,
            agent_version=agent_version,
        )
        if not replaced:
            Server.objects.filter(pk=server_id).update(status=ServerStatus.OFFLINE)
            last_seen = Server.objects.filter(pk=server_id).values_list("last_seen", flat=True).first()
            announce_status([(server_id, last_seen)], ServerStatus.OFFLINE)


def active_keys(key_ids: list[int]) -> set[int]:
    """Which of these keys may still hold an agent socket: valid (not revoked, not expired,
    owner active) and still an agent key or an admin's enrolment key."""
    keys = APIKey.objects.active().filter(pk__in=key_ids).select_related("user")
    return {
        key.pk
        for key in keys.only("pk", "server_id", "scopes", "user__role", "user__is_active")
        if key.opens_agent_socket
    }


# --- Commands and Docker --------------------------------------------------------------------

#: How much longer than the command's own timeout a waiting request waits for its result.
WAIT_GRACE_SECONDS = 15
NO_DOCKER = "Docker control is off on this server's agent (started without --allow-docker)"
#: The documented fields of a container (``ContainerSerializer``'s, in its order).
CONTAINER_FIELDS = (
    "id", "name", "image", "state", "status", "created", "ports", "cpu_percent", "memory_bytes", "memory_limit_bytes",
)  # fmt: skip
REPORTED = "The last list the agent reported"
Status = CommandHistory.Status


class RemoteConflict(Conflict):
    """A request that did not run as asked. ``history`` is the row it left on record, which
    the API sends along as ``data`` where it always has (commands)."""

    def __init__(self, detail: str | None = None, history: CommandHistory | None = None) -> None:
        super().__init__(detail)
        self.history = history


class AgentOffline(RemoteConflict):
    default_detail = "The server's agent is not connected."
    default_code = "agent_offline"


class CommandRejected(RemoteConflict):
    default_detail = "The agent refused to run the command."
    default_code = "command_rejected"


class DockerUnavailable(RemoteConflict):
    default_detail = "Docker control is not available on this server."
    default_code = "docker_unavailable"


class DockerError(RemoteConflict):
    default_detail = "The Docker engine refused the request."
    default_code = "docker_error"


class ContainerNotFound(NotFound):
    """The engine knows no such container."""


#: Container actions that two-person approval may hold back (their kind is the action's name).
GATED_DOCKER = ("restart", "stop")

# What each use case needs: the least role, and the scope of an API key acting for it.
_COMMAND = (Role.OPERATOR, "commands:write")
_DOCKER = {
    "list": (Role.VIEWER, "docker:read"),
    "logs": (Role.OPERATOR, "docker:read"),
    "start": (Role.OPERATOR, "docker:write"),
    "stop": (Role.OPERATOR, "docker:write"),
    "restart": (Role.OPERATOR, "docker:write"),
}


def _require(actor: Actor, need: tuple[Role, str], server: Server, action: str, **what: str) -> None:
    """The same rule as the REST routes' (role, then key scope), for every way in. A refusal
    leaves an audit entry (``request.refused``: who asked what of which server, and why),
    whether it came over REST or from a chat room."""
    role, scope = need
    refused: PermissionDenied | None = None
    if not actor.has_role(role):
        who = "operators and admins" if role == Role.OPERATOR else "signed-in users"
        refused = PermissionDenied(f"Only {who} may do this.")
    elif actor.api_key is not None and not actor.api_key.allows(scope):
        refused = PermissionDenied(f"This API key lacks the scope {scope!r}.", code="insufficient_scope")
    if refused is None:
        return
    details = {"action": action, **what, "reason": str(refused.detail)}
    record_audit("request.refused", actor=actor, target=server, details=details)
    raise refused


def run_command(
    actor: Actor,
    server: Server,
    command: str,
    *,
    timeout: int = 30,
    wait: bool = True,
    send: bool = True,
    approved: bool = False,
) -> CommandHistory:
    """Run ``command`` on ``server`` through its agent: one history row and one audit entry
    whatever happens. ``wait``: until the result (or the timeout); else only sent. A command
    that did not run raises (``AgentOffline``, ``CommandRejected``); one that ran returns,
    whatever its exit code. When the ``run`` policy asks for a second person, an operator's
    command raises ``ApprovalPending`` instead, unless it is that approved request
    (``approved``: only the approvals executor says so). ``send=False`` (with ``wait=False``):
    recorded but not sent yet, for a caller that first listens to its output, then sends it
    (``remote.dispatch``)."""
    _require(actor, _COMMAND, server, "command.run", command=command)
    if not approved:
        payload = {"server_id": server.pk, "server_name": server.name, "command": command, "timeout": timeout}
        gate(actor, "run", payload, f"Run `{command}` on {server.name}")
    history = remote.request_command(actor, server, command, timeout)
    if history.status == Status.AGENT_OFFLINE:
        raise AgentOffline(f"The server's agent is not connected (recorded as command {history.pk}).", history)
    if not wait:
        if send:
            remote.dispatch(history)
            history.refresh_from_db()
        return history
    history = remote.run_and_wait(history, history.timeout + WAIT_GRACE_SECONDS)
    if history.status == Status.AGENT_OFFLINE:
        raise AgentOffline(f"The server's agent did not answer (recorded as command {history.pk}).", history)
    if history.status == Status.REJECTED:
        detail = f"The agent refused the command: {history.reason} (recorded as command {history.pk})."
        raise CommandRejected(detail, history)
    return history


def _docker(actor: Actor, server: Server, action: str, container: str = "", **extra: Any) -> CommandHistory:
    _require(actor, _DOCKER[action], server, f"docker.{action}", container=container)
    history = remote.request_docker(actor, server, action, container)
    if history.status == Status.AGENT_OFFLINE:
        return history
    return remote.run_and_wait(history, remote.DOCKER_WAIT_SECONDS, **extra)


def _raise_for(history: CommandHistory) -> None:
    """An agent's answer other than success, as the API's 404 or 409."""
    if history.status == Status.SUCCEEDED:
        return
    if history.status == Status.REJECTED:
        raise DockerUnavailable(history.reason or None)
    if history.status == Status.FAILED:
        if "no such container" in history.reason.lower() or "not found" in history.reason.lower():
            raise ContainerNotFound(history.reason)
        raise DockerError(history.reason or None)
    raise AgentOffline(f"The agent did not answer ({history.status}, recorded as {history.pk}).")


def run_docker(
    actor: Actor, server: Server, action: str, container: str = "", *, approved: bool = False, **extra: Any
) -> CommandHistory:
    """Start, stop or restart a container, or read its logs (``extra``: ``tail``, ``since``),
    through the agent; the succeeded row, or the agent's refusal as an exception. A restart or
    stop by an operator raises ``ApprovalPending`` when its policy asks for a second person,
    unless it is that approved request (``approved``)."""
    if action in GATED_DOCKER and not approved:
        _require(actor, _DOCKER[action], server, f"docker.{action}", container=container)
        payload = {"server_id": server.pk, "server_name": server.name, "container": container}
        gate(actor, action, payload, f"{action.capitalize()} container {container} on {server.name}")
    history = _docker(actor, server, action, container, **extra)
    _raise_for(history)
    return history


def container_fields(item: Any) -> dict[str, Any]:
    """What the agent reported, reduced to the documented fields (the agent is trusted with
    data about its own server, not with the shape of our API)."""
    item = item if isinstance(item, dict) else {}
    return {name: item.get(name) for name in CONTAINER_FIELDS}


@dataclass(frozen=True)
class ContainerList:
    live: bool
    reported_at: datetime | None
    age_seconds: float | None
    reason: str
    docker_control: bool | None
    containers: list[dict[str, Any]]
    message: str = REPORTED


def _reported(snapshot: ContainerSnapshot | None, docker_control: bool | None, reason: str) -> ContainerList:
    """The list the agent last reported with its samples."""
    return ContainerList(
        live=False,
        reported_at=snapshot.reported_at if snapshot else None,
        age_seconds=round((timezone.now() - snapshot.reported_at).total_seconds(), 1) if snapshot else None,
        reason=reason if snapshot or docker_control is False else "the agent has not reported containers",
        docker_control=docker_control,
        containers=[container_fields(i) for i in snapshot.items] if snapshot else [],
    )


def list_containers(actor: Actor, server: Server, *, live: bool = True) -> ContainerList:
    """The server's containers: asked of the agent (``live``), or the list it last reported
    with its samples, which costs no history row or audit entry. A live ask that fails falls
    back to the reported list where there is one."""
    _require(actor, _DOCKER["list"], server, "docker.list")
    capabilities = ConnectionEvent.objects.capabilities(server.pk)
    docker_control = None if capabilities is None else "docker" in capabilities
    if not live:
        return _reported(_snapshot(server), docker_control, "asked for the reported list")
    if docker_control is False:
        # Asking would only write a rejected history row and audit entry per page view.
        return _reported(_snapshot(server), False, NO_DOCKER)
    history = _docker(actor, server, "list")
    if history.status == Status.SUCCEEDED:
        items = history.result if isinstance(history.result, list) else []
        containers = [container_fields(i) for i in items]
        return ContainerList(True, history.finished_at, 0.0, "", True, containers, message="OK")
    snapshot = _snapshot(server)
    if history.status == Status.REJECTED or snapshot is None:
        _raise_for(history)
    assert snapshot is not None
    return _reported(snapshot, docker_control, history.reason or history.status)


def _snapshot(server: Server) -> ContainerSnapshot | None:
    return ContainerSnapshot.objects.filter(server_id=server.pk).first()
