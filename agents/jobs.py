"""Jobs of the agent channel."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agents.models import ConnectionEvent
from agents.remote import expire_stale
from agents.services import announce_status
from chatops.registry import Job
from servers.choices import ServerStatus
from servers.models import Server


def mark_silent_servers_offline() -> int:
    """Servers marked online whose agent has sent nothing for AGENT_SILENCE_SECONDS: their
    socket died with a hub process, or never closed cleanly. The socket's own watchdog covers
    the live case; this covers the hub that went away."""
    cutoff = timezone.now() - timedelta(seconds=settings.AGENT_SILENCE_SECONDS)
    with transaction.atomic():
        silent = list(
            Server.objects.select_for_update(skip_locked=True)
            .filter(status=ServerStatus.ONLINE, last_seen__lt=cutoff)
            .values_list("pk", flat=True)
        )
        if not silent:
            return 0
        Server.objects.filter(pk__in=silent).update(status=ServerStatus.OFFLINE)
        # One publish for all of them: a hub that lost its agents marks thousands at once.
        announce_status(
            list(Server.objects.filter(pk__in=silent).order_by("pk").values_list("pk", "last_seen")),
            ServerStatus.OFFLINE,
        )
        ConnectionEvent.objects.bulk_create(
            [ConnectionEvent(server_id=pk, kind=ConnectionEvent.Kind.DISCONNECT, reason="silent") for pk in silent]
        )
    return len(silent)


#: What the worker runs for agents (registered by ``AgentsConfig.ready``).
JOBS = (
    Job("agents.offline", 15, mark_silent_servers_offline),
    Job("agents.expire_commands", 30, expire_stale),
)
