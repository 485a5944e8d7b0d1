"""The minutes to roll up: ingest marks each (server, minute) it wrote samples for, and the
rollup job (``monitoring.jobs``) takes the marks.

The rollup job takes a marked minute only once it ended ``ROLLUP_SETTLE_SECONDS`` ago, so it
never competes with ingest for the minute being written, and a process may skip marking a
minute it marked itself until ``MARK_REUSE_SECONDS`` after the minute's end: the difference
covers the commit and clock skew between hub processes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from datetime import datetime

from django.db import connection, transaction

from monitoring.models import RollupPending

ROLLUP_SETTLE_SECONDS = 30
MARK_REUSE_SECONDS = 15


def _now() -> float:
    return time.time()


class MarkedMinutes:
    """The newest minute this process marked (committed) per server.

    Ingest marks each (server, minute) it writes samples for; with one frame a second per
    agent, that was the same row inserted again by every batch. A minute marked by this
    process, while the rollup job may not take it yet, needs no new mark: the job will read
    every sample committed before it. A late sample for an older minute is marked as before.
    """

    def __init__(self) -> None:
        self.newest: dict[int, datetime] = {}
        self.lock = threading.Lock()

    def needed(self, minutes: set[tuple[int, datetime]], now: float) -> list[tuple[int, datetime]]:
        with self.lock:
            newest = self.newest
            return sorted(
                (server_id, bucket)
                for server_id, bucket in minutes
                if newest.get(server_id) != bucket or now >= bucket.timestamp() + 60 + MARK_REUSE_SECONDS
            )

    def remember(self, minutes: Iterable[tuple[int, datetime]]) -> None:
        with self.lock:
            for server_id, bucket in minutes:
                known = self.newest.get(server_id)
                if known is None or bucket > known:
                    self.newest[server_id] = bucket

    def forget(self) -> None:
        with self.lock:
            self.newest.clear()


marked_minutes = MarkedMinutes()


def _mark_minutes(minutes: list[tuple[int, datetime]]) -> None:
    if not minutes:
        return
    if connection.vendor != "postgresql":
        RollupPending.objects.bulk_create(
            [RollupPending(server_id=s, bucket=b) for s, b in minutes], ignore_conflicts=True
        )
        return
    table = connection.ops.quote_name(RollupPending._meta.db_table)
    with connection.cursor() as cursor:
        # DO UPDATE, not DO NOTHING: it locks a mark that already exists, so a rollup job
        # running now skips it (SKIP LOCKED) instead of taking it without this batch's samples;
        # if the job took it first, this waits for the job's commit and inserts the mark again.
        cursor.execute(
            f"INSERT INTO {table} (server_id, bucket) SELECT * FROM unnest(%s::bigint[], %s::timestamptz[]) "  # noqa: S608
            "ON CONFLICT (server_id, bucket) DO UPDATE SET bucket = excluded.bucket",
            [[s for s, _ in minutes], [b for _, b in minutes]],
        )


def mark(minutes: set[tuple[int, datetime]]) -> None:
    """Mark the batch's minutes that need a mark, inside its transaction; this process
    remembers them once committed. Called last in the batch, so the time it decides at is as
    close to the commit as it can be."""
    marks = marked_minutes.needed(minutes, _now())
    _mark_minutes(marks)
    if marks:
        transaction.on_commit(lambda: marked_minutes.remember(marks))
