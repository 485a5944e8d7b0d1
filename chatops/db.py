"""Small database helpers that differ by backend."""

from __future__ import annotations

import zlib

from django.db import connection


def advisory_lock(name: str) -> None:
    """Serialise a critical section across processes until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do, because our SQLite
    transactions are IMMEDIATE, which already serialises every writer.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(name.encode())])
