"""Rate-limit counters in the database, for hubs without Redis (``chatops.ratelimit`` finds this
through ``RATE_LIMIT_DATABASE_STORE``)."""

from __future__ import annotations

import random

from django.db import connection, models

from accounts.models import RateLimitCounter


class RateLimitCounterStore:
    """Fixed-window counters in ``RateLimitCounter``, counted atomically by the database."""

    def incr(self, key: str, ttl: int, now: float) -> int:
        table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
        expires = int(now) + ttl
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, %s) "  # noqa: S608 - table name is ours
                f"ON CONFLICT (key) DO UPDATE SET count = {table}.count + 1 RETURNING count",
                [key, expires],
            )
            row = cursor.fetchone()
            # Expired windows are swept now and then, off the common path.
            if random.random() < 0.01:  # noqa: S311 - not security relevant
                cursor.execute(f"DELETE FROM {table} WHERE expires_at < %s", [int(now)])  # noqa: S608
        return int(row[0])

    def decr(self, key: str) -> None:
        RateLimitCounter.objects.filter(key=key, count__gt=0).update(count=models.F("count") - 1)
