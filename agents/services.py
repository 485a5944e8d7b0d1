"""The hub's side of an agent's life: enrolment, connect, disconnect."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import APIKey
from accounts.services import record_audit
from agents.models import ConnectionEvent
from agents.protocol import Hello
from chatops.realtime import publish_after_commit
from monitoring.events import FLEET_METRICS_GROUP, Event, ServerStatusEvent, server_metrics_group
from monitoring.services import last_seq
from servers.choices import ServerStatus
from servers.models import Server

logger = logging.getLogger(__name__)


def announce_status(server_ids: list[int], status: str, last_seen: datetime | None) -> None:
    """After commit, tell the fleet view and each server's page that servers went online or
    offline (a sample also says online; nothing else says offline)."""
    seen = last_seen.timestamp() if last_seen else None
    events: list[tuple[str, Event]] = []
    for server_id in server_ids:
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


def agent_connected(key: APIKey, hello: Hello, ip: str | None) -> Session:
    """Find the agent's server (an agent key's own; for an enrolment key, the server named by
    the hostname, created if missing), fill its facts from the hello, mark it online and
    record the connection."""
    with transaction.atomic():
        if key.is_agent_key and key.server_id is not None:
            server = Server.objects.select_for_update().get(pk=key.server_id)
        elif key.is_enrolment_key:
            server = _enrol(key, hello["hostname"])
        else:
            raise EnrolmentRefused("this key is not an agent key or an admin's enrolment key")
        server.os = (f"{hello['os']} ({hello['kernel']})" if hello["kernel"] else hello["os"])[:100]
        server.agent_version = hello["agent_version"]
        server.status = ServerStatus.ONLINE
        server.last_seen = timezone.now()
        if ip and server.ip_address is None:
            server.ip_address = ip
        server.save(update_fields=["os", "agent_version", "status", "last_seen", "ip_address", "updated_at"])
        announce_status([server.pk], ServerStatus.ONLINE, server.last_seen)
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


def _enrol(key: APIKey, hostname: str) -> Server:
    """The server ``hostname`` names, locked, for an enrolment key; created if missing. Never
    a server that an agent key speaks for, nor one that another live key has connected as:
    whoever holds an enrolment key must not take over a server enrolled through another."""
    server = Server.objects.select_for_update().filter(hostname__iexact=hostname).first()
    if server is None:
        server = Server.objects.create(name=hostname, hostname=hostname, created_by=key.user)
        record_audit(
            "server.enrolled",
            actor=key.user,
            api_key=key,
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
            announce_status([server_id], ServerStatus.OFFLINE, last_seen)


def active_keys(key_ids: list[int]) -> set[int]:
    """Which of these keys may still hold an agent socket: valid (not revoked, not expired,
    owner active) and still an agent key or an admin's enrolment key."""
    keys = APIKey.objects.active().filter(pk__in=key_ids).select_related("user")
    return {
        key.pk
        for key in keys.only("pk", "server_id", "scopes", "user__role", "user__is_active")
        if key.opens_agent_socket
    }
