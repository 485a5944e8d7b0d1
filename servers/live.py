"""Which servers a browser stream's user may see, for live events filtered without a query each.

The fleet's metrics and the alerts reach every open stream through one group each; a stream
keeps the events of the servers its user may see (``Server.objects.visible_to``). A query per
event and socket would cost the hub more than the events themselves, so each process keeps,
per user, the ids that rule gives, read again every ``AGENT_KEY_RECHECK_SECONDS`` (the period
of the other rechecks) and at once for a server newer than the last read (one enrolled since).
A change of teams, tags or role thus reaches open streams within that period.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from channels.db import database_sync_to_async
from django.conf import settings

from chatops.loops import PerLoop
from servers.models import visible_ids

logger = logging.getLogger(__name__)
#: Users remembered per process before the oldest are forgotten (they are read again on use).
MAX_USERS = 10_000


@dataclass(frozen=True)
class Entry:
    read_at: float
    ids: frozenset[int] | None  # None: every server
    newest: int

    def allows(self, server_id: int) -> bool:
        return self.ids is None or server_id in self.ids


class VisibleServers:
    """One process's (event loop's) memory of who sees which servers."""

    def __init__(self) -> None:
        self.entries: dict[int, Entry] = {}
        self.reading: dict[int, asyncio.Task[Entry]] = {}

    async def allows(self, user_id: int, server_id: int) -> bool:
        entry = self.entries.get(user_id)
        if (
            entry is None
            or time.monotonic() - entry.read_at >= settings.AGENT_KEY_RECHECK_SECONDS
            or (server_id > entry.newest and not entry.allows(server_id))
        ):
            try:
                entry = await self.read(user_id)
            except Exception:
                # The database is away: keep to what was known (nothing known: send nothing).
                logger.exception("Could not read the servers user %s may see", user_id)
                if entry is None:
                    return False
        return entry.allows(server_id)

    async def read(self, user_id: int) -> Entry:
        """Read the user's servers (once, however many streams of theirs ask at the same time)."""
        task = self.reading.get(user_id)
        if task is None:
            task = asyncio.ensure_future(self._read(user_id))
            self.reading[user_id] = task
            task.add_done_callback(lambda _: self.reading.pop(user_id, None))
        return await asyncio.shield(task)

    async def _read(self, user_id: int) -> Entry:
        ids, newest = await database_sync_to_async(visible_ids)(user_id)
        entry = Entry(read_at=time.monotonic(), ids=ids, newest=newest)
        if len(self.entries) >= MAX_USERS:
            self.entries.clear()
        self.entries[user_id] = entry
        return entry


visible_servers = PerLoop(VisibleServers)
