"""Background jobs of chat (run by the worker): the room event log's retention."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from chat.models import RoomEvent
from chatops.registry import Job


def prune_events(now: datetime | None = None) -> int:
    """Delete room events older than ``CHAT_EVENT_RETENTION_DAYS``. Messages stay; a socket
    whose last id is older than the oldest kept event is told to reload (``resync``)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CHAT_EVENT_RETENTION_DAYS)
    return RoomEvent.objects.filter(created_at__lt=cutoff).delete()[0]


#: What the worker runs for chat (registered by ``ChatConfig.ready``).
JOBS = (Job("chat.prune_events", 3600, prune_events),)
