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
from monitoring.events import FLEET_METRICS_GROUP, Event, ServerStatusEvent, publish_after_commit, server_metrics_group
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
    """Find (or, for an admin's unbound key, create) the agent's server, fill its facts from
    the hello, mark it online and record the connection."""
    with transaction.atomic():
        server = key.server
        if server is None:
            server = Server.objects.filter(hostname__iexact=hello["hostname"]).first()
            if server is None:
                if not key.user.is_admin:
                    raise EnrolmentRefused(
                        f"no server has hostname {hello['hostname']!r}, and only an admin's key may enrol one"
                    )
                server = Server.objects.create(name=hello["hostname"], hostname=hello["hostname"], created_by=key.user)
                record_audit(
                    "server.enrolled",
                    actor=key.user,
                    api_key=key,
                    target=server,
                    details={"hostname": hello["hostname"], "via": "agent"},
                )
        server = Server.objects.select_for_update().get(pk=server.pk)
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
    """Which of these keys are still valid (not revoked, not expired, owner active)."""
    return set(APIKey.objects.active().filter(pk__in=key_ids).values_list("pk", flat=True))
